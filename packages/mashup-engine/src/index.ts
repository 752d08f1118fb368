/**
 * `@pqsdk/mashup-engine`: the mock mashup engine. Loads a Power Query connector, evaluates queries
 * with it in a worker thread, and serves its data access (credentials, HTTP) on the host side.
 *
 * @packageDocumentation
 */

// #region Engine (src/connector, evaluation, extension, datasource, host, results)

// Loading a connector
export { ConnectorLoadError } from './connector/connector-package.js';
export type {
  ConnectorLoadErrorCode,
  ConnectorPackage,
  ConnectorSignature,
  ConnectorSource,
  SignatureState,
} from './connector/connector-package.js';
export { decodeText, loadConnector, loadConnectorArchive } from './connector/load-connector.js';
export type { LoadConnectorOptions } from './connector/load-connector.js';

// The engine (host side)
export { MashupEngine } from './host/mashup-engine.js';
export type {
  CallOptions,
  HttpSender,
  MashupEngineOptions,
  TestConnectionResult,
} from './host/mashup-engine.js';
export { credentialListProvider, credentialStoreProvider } from './host/credential-provider.js';
export type { CredentialProvider, CredentialSource } from './host/credential-provider.js';
export { discoverDataSources } from './host/discover-data-sources.js';
export type {
  DataSourceDiscovery,
  DiscoverDataSourcesOptions,
} from './host/discover-data-sources.js';
export { functionDocumentation } from './host/function-documentation.js';
export { failOnMissingCredentials } from './host/missing-credentials.js';
export type {
  FunctionDocumentation,
  FunctionDocumentationResult,
  ParameterDocumentation,
} from './host/function-documentation.js';

// Evaluation results
export type {
  DataSourceUse,
  EngineTraceEvent,
  ErrorReport,
  EvaluationReply,
  EvaluationResult,
  ValueReport,
} from './evaluation/evaluation-result.js';
export type {
  ConnectorInfo,
  DataSourceFunctionInfo,
  DataSourceKindInfo,
  MemberInfo,
  ParameterInfo,
} from './evaluation/connector-info.js';
export {
  HOST_ERROR_REASON,
  INTERNAL_ERROR_REASON,
  TIMEOUT_REASON,
} from './evaluation/connector-evaluator.js';
export type { TestConnectionReply } from './evaluation/connector-evaluator.js';
export type { CredentialFields, DataSourceId, Json } from './evaluation/protocol.js';

// The extension library and data sources (evaluation side, for embedding an Engine)
export { ConnectorEvaluator } from './evaluation/connector-evaluator.js';
export { extensionLibrary } from './extension/extension-library.js';
export { EvaluationServices } from './extension/services.js';
export type { HostCalls } from './extension/services.js';
export { CREDENTIAL_REASONS } from './extension/credential-functions.js';
export { isUriType } from './extension/uri-type.js';
export { WEB_CONTENTS_OPTIONS, credentialAuthorization } from './extension/web-contents.js';
export { resourceFilesFor } from './extension/package-functions.js';
export {
  DATA_SOURCE_FUNCTION,
  bindDataSourceFunctions,
  dataSourceFunctionMembers,
} from './datasource/data-source-function.js';
export type { DataSourceFunctionMember } from './datasource/data-source-function.js';
export { dataSourcePath, isPathParameter } from './datasource/data-source-path.js';
export { readDataSourceRecord } from './datasource/data-source-record.js';
export type { DataSourceKindRecord } from './datasource/data-source-record.js';
export type { DataSourceScope } from './datasource/scope.js';

// Results in PQTest's shapes
export { toRunTestResult } from './results/run-test-result.js';
export type {
  RunTestDataSource,
  RunTestError,
  RunTestInput,
  RunTestResult,
} from './results/run-test-result.js';
// #endregion Engine

// #region Credentials (src/credentials/): the host side's credential store, in PQTest's shapes
export type {
  AnonymousCredential,
  AuthenticationKind,
  Credential,
  CredentialCommon,
  DataSource,
  JsonObject,
  JsonValue,
  KeyCredential,
  OAuthCredential,
  OAuthToken,
  PrivacySetting,
  UsernamePasswordCredential,
  WindowsCredential,
} from './credentials/types.js';
export { AUTHENTICATION_KINDS, PRIVACY_SETTINGS } from './credentials/types.js';
export type { CredentialErrorCode, CredentialErrorOptions } from './credentials/errors.js';
export { CredentialError } from './credentials/errors.js';
export type { ParsedDataSourcePath } from './credentials/data-source-path.js';
export {
  dataSourcePathCovers,
  normalizeDataSourcePath,
  parseDataSourcePath,
} from './credentials/data-source-path.js';
export {
  findCredential,
  findExactCredential,
  removeCredential,
  upsertCredential,
} from './credentials/lookup.js';
export type {
  CredentialInputProblem,
  CredentialInputResult,
} from './credentials/input-problems.js';
export { formatCredentialInputProblem } from './credentials/input-problems.js';
export {
  parseAuthenticationKind,
  selectAuthenticationKind,
} from './credentials/authentication-kind.js';
export type { CredentialJson, ParseCredentialOptions } from './credentials/credential-json.js';
export {
  automaticCredential,
  credentialToJson,
  parseCredentialJson,
  parseSetCredentialInput,
} from './credentials/credential-json.js';
export type { CredentialTemplateOptions } from './credentials/credential-template.js';
export { CREDENTIAL_PLACEHOLDERS, credentialTemplate } from './credentials/credential-template.js';
export type {
  CredentialCommandResult,
  DataSourceDetails,
  DeleteAllCredentialsDetails,
  ListCredentialEntry,
  RefreshCredentialDetails,
  SetCredentialDetails,
} from './credentials/pqtest-output.js';
export {
  credentialFailureResult,
  deleteAllCredentialsResult,
  deleteCredentialResult,
  listEntries,
  refreshCredentialResult,
  setCredentialResult,
} from './credentials/pqtest-output.js';
export type { ParseOAuthTokenOptions } from './credentials/oauth-token.js';
export {
  DEFAULT_EXPIRY_SKEW_MS,
  isExpired,
  oauthTokenFields,
  parseOAuthToken,
  refreshedToken,
  tokenExpiresAt,
} from './credentials/oauth-token.js';
export { REDACTED, redactCredential, scrubSecrets, secretValues } from './credentials/secrets.js';
export { currentCredentialFields } from './credentials/current-credential.js';
export type {
  CredentialsLocation,
  ResolveCredentialsLocationOptions,
} from './credentials/locations.js';
export {
  CREDENTIALS_FILE_ENV,
  CREDENTIALS_KEY_FILE_ENV,
  defaultCredentialsFolder,
  resolveCredentialsLocation,
} from './credentials/locations.js';
export type { FileLockOptions } from './credentials/file-lock.js';
export type { CredentialStoreOptions } from './credentials/store.js';
export { CredentialStore } from './credentials/store.js';
// #endregion Credentials

// #region HTTP and mocks (src/http/, src/mocks/): the host side of Web.Contents, fixtures, recording
export type {
  DataSourceRef,
  HttpAttempt,
  HttpExchangeEvent,
  HttpFailure,
  HttpFailureKind,
  HttpFailureResponse,
  HttpHeader,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  HttpResponseSource,
  HttpResult,
  HttpSecretNames,
} from './http/types.js';
export { isHttpFailure } from './http/types.js';
export type { HttpRequestInit } from './http/request.js';
export { DEFAULT_TIMEOUT_MS, createHttpRequest, requestProblem } from './http/request.js';
export type { BuildUrlResult, QueryParameters, QueryValue } from './http/url.js';
export { buildUrl, encodeQuery, encodeQueryComponent } from './http/url.js';
export {
  REDACTED_IN_URL,
  SecretNames,
  looksSecret,
  redactHeaders,
  redactUrl,
} from './http/secrets.js';
export type { StatusAction } from './http/status-handling.js';
export {
  CREDENTIAL_STATUSES,
  MAX_REDIRECTS,
  MAX_RETRIES,
  REDIRECT_STATUSES,
  RETRY_STATUSES,
  statusAction,
} from './http/status-handling.js';
export {
  DEFAULT_RETRY_BASE_DELAY_MS,
  MAX_RETRY_DELAY_MS,
  MIN_RETRY_DELAY_MS,
  parseRetryAfter,
  retryDelayMs,
} from './http/retry-delay.js';
export type {
  HttpTransport,
  WireFailureKind,
  WireRequest,
  WireResponse,
  WireResult,
} from './http/transport.js';
export type { LiveTransportOptions } from './http/live-transport.js';
export { DEFAULT_USER_AGENT, LiveTransport } from './http/live-transport.js';
export { ResponseCache } from './http/response-cache.js';
export type { HttpClientOptions, SendOptions, Sleep } from './http/client.js';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_TOTAL_RETRY_DELAY_MS,
  HttpClient,
} from './http/client.js';
export type { MockErrorCode, MockErrorOptions } from './mocks/errors.js';
export { MockError } from './mocks/errors.js';
export type {
  BodyMatcher,
  JsonValue as MockJsonValue,
  MockExchange,
  MockFixtureJson,
  MockRequestJson,
  MockResponseJson,
  RequestMatcher,
} from './mocks/fixture-format.js';
export { MOCK_FORMAT_VERSION } from './mocks/fixture-format.js';
export { parseFixtureFile } from './mocks/fixture-parser.js';
export type { MockCandidate, MockLookup } from './mocks/mock-store.js';
export { MockStore } from './mocks/mock-store.js';
export type { ReplayTransportOptions } from './mocks/replay-transport.js';
export { ReplayTransport } from './mocks/replay-transport.js';
export { RecordingRedactor, SECRET_BODY_FIELDS, TOKEN_REQUEST_FIELDS } from './mocks/redaction.js';
export { fixtureFileName, serializeFixtures } from './mocks/fixture-writer.js';
export { MockRecorder, RecordingTransport } from './mocks/recorder.js';
export type { HttpHost, HttpHostOptions } from './mocks/http-host.js';
export { createHttpHost } from './mocks/http-host.js';
// #endregion HTTP and mocks

// #region OAuth (src/oauth/): sign-in with the connector's StartLogin/FinishLogin, refresh, loopback
export type {
  OAuthCall,
  OAuthCredentialStore,
  OAuthLogin,
  OAuthReply,
  OAuthStepFailureCode,
} from './oauth/types.js';
export type { OAuthErrorCode, OAuthErrorOptions } from './oauth/errors.js';
export { OAuthError } from './oauth/errors.js';
export type {
  InteractiveLoginEngine,
  InteractiveLoginOptions,
  InteractiveLoginResult,
} from './oauth/interactive-login.js';
export { runInteractiveLogin } from './oauth/interactive-login.js';
export type { OpenBrowserOptions, Spawn } from './oauth/open-browser.js';
export { browserCommand, openBrowser } from './oauth/open-browser.js';
export type {
  CallbackListener,
  CallbackPage,
  ListenForCallbackOptions,
  LoopbackTarget,
} from './oauth/loopback-listener.js';
export {
  DEFAULT_LOGIN_TIMEOUT_MS,
  listenForCallback,
  loopbackTarget,
} from './oauth/loopback-listener.js';
export { checkCallback, newLoginState } from './oauth/host-oauth.js';
export type { OAuthFunctionName, OAuthRecord, SignatureForm } from './oauth/oauth-record.js';
export {
  SIGNATURE_PARAMETER_COUNTS,
  readOAuthRecord,
  signatureForm,
} from './oauth/oauth-record.js';
export { expiredCredentialError } from './oauth/refresh-on-expiry.js';
// #endregion OAuth

// #region Folding (src/view/): the folding trace of Table.View and --failOnFoldingFailure
export type { FoldingEvent } from './view/folding-event.js';
export { describeFolding, isFoldingFailure } from './view/folding-event.js';
export type { FoldEvent, FoldOperation, FoldOutcome } from '@pqsdk/m-evaluator';
export { FOLDING_FAILURE_MESSAGE } from '@pqsdk/m-evaluator';
// #endregion Folding

// #region Data access functions (src/extension/odata*, xml*, file-contents*): OData.Feed, Xml.*, File.Contents
export { ODATA_FEED_OPTIONS, ODATA_OMIT_NULLS } from './extension/odata-options.js';
export { MORE_COLUMNS } from './extension/odata-table.js';
export { FILE_ROOTS_SETTING, readAllowedFile } from './extension/file-contents-host.js';
export type {
  FileReadFailureKind,
  FileReadRequest,
  FileReadResult,
} from './evaluation/protocol.js';
// #endregion Data access functions
