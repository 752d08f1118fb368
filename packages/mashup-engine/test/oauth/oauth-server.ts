/**
 * A real OAuth 2 authorization server for tests: `@node-oauth/oauth2-server` behind node:http on
 * 127.0.0.1 with an ephemeral port. The library does the protocol (authorization code grant with
 * PKCE S256, refresh token grant with rotation, bearer token checks); this file holds only its
 * storage model, in memory, and the HTTP glue.
 *
 * - `GET /oauth2/authorize` approves the fixed test user at once and redirects to the
 *   `redirect_uri` with `code` and `state` (or with `error`, when `deny` is set);
 * - `POST /oauth2/token` takes `authorization_code` (public client: `client_id` and
 *   `code_verifier`, no secret) and `refresh_token`;
 * - `GET /oauth2/logout` answers 200.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import OAuth2Server from '@node-oauth/oauth2-server';

type Client = OAuth2Server.Client;
type User = OAuth2Server.User;
type AuthorizationCode = OAuth2Server.AuthorizationCode;
type Token = OAuth2Server.Token;
type RefreshToken = OAuth2Server.RefreshToken;

/** A request the authorization server received. */
export interface OAuthServerRequest {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** The query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** The form fields of the body (token requests). */
  readonly form: Readonly<Record<string, string>>;
}

/** Options of {@link startOAuthServer}. */
export interface OAuthServerOptions {
  /** The public client's id. */
  readonly clientId: string;
  /** The redirect URIs the client registered. */
  readonly redirectUris: readonly string[];
  /** The lifetime of access tokens, in seconds. Default: one hour. */
  readonly accessTokenLifetime?: number;
}

/** A running test authorization server. */
export interface TestOAuthServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly logoutUrl: string;
  /** Every request, in order. */
  readonly requests: OAuthServerRequest[];
  /** The access tokens issued, in order. */
  readonly accessTokens: string[];
  /** The refresh tokens issued, in order. */
  readonly refreshTokens: string[];
  /** Changes the lifetime of the access tokens issued from now on, in seconds. */
  setAccessTokenLifetime(seconds: number): void;
  /** Makes the authorize endpoint refuse (redirect with `error=access_denied`) when true. */
  setDeny(deny: boolean): void;
  /** Revokes every refresh token (a refresh then fails with `invalid_grant`). */
  revokeRefreshTokens(): void;
  /** Revokes every access token (the resource server then answers 401). */
  revokeAccessTokens(): void;
  /** Whether an `Authorization` header carries a valid, unexpired access token. */
  authenticate(authorization: string | undefined): Promise<boolean>;
  close(): Promise<void>;
}

/** The one user the server signs in. */
export const TEST_USER: User = { id: 'ada', name: 'Ada Lovelace' };

function inMemoryModel(options: OAuthServerOptions): {
  model: OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel;
  tokens: Map<string, Token>;
  refreshTokens: Map<string, RefreshToken>;
} {
  const client: Client = {
    id: options.clientId,
    grants: ['authorization_code', 'refresh_token'],
    redirectUris: [...options.redirectUris],
  };
  const codes = new Map<string, AuthorizationCode>();
  const tokens = new Map<string, Token>();
  const refreshTokens = new Map<string, RefreshToken>();
  const model: OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel = {
    getClient: (clientId) => Promise.resolve(clientId === client.id ? client : null),
    saveAuthorizationCode: (code, codeClient, user) => {
      const saved: AuthorizationCode = { ...code, client: codeClient, user };
      codes.set(code.authorizationCode, saved);
      return Promise.resolve(saved);
    },
    getAuthorizationCode: (code) => Promise.resolve(codes.get(code) ?? null),
    revokeAuthorizationCode: (code) => Promise.resolve(codes.delete(code.authorizationCode)),
    saveToken: (token, tokenClient, user) => {
      const saved: Token = { ...token, client: tokenClient, user };
      tokens.set(token.accessToken, saved);
      if (token.refreshToken !== undefined) {
        refreshTokens.set(token.refreshToken, {
          refreshToken: token.refreshToken,
          ...(token.refreshTokenExpiresAt === undefined
            ? {}
            : { refreshTokenExpiresAt: token.refreshTokenExpiresAt }),
          ...(token.scope === undefined ? {} : { scope: token.scope }),
          client: tokenClient,
          user,
        });
      }
      return Promise.resolve(saved);
    },
    getAccessToken: (accessToken) => Promise.resolve(tokens.get(accessToken) ?? null),
    getRefreshToken: (refreshToken) => Promise.resolve(refreshTokens.get(refreshToken) ?? null),
    revokeToken: (token) => Promise.resolve(refreshTokens.delete(token.refreshToken)),
    validateScope: (_user, _client, scope) => Promise.resolve(scope ?? []),
  };
  return { model, tokens, refreshTokens };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function send(response: ServerResponse, answer: OAuth2Server.Response): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name] = value;
  const body: unknown = answer.body;
  const hasBody = body !== undefined && Object.keys(body as object).length > 0;
  if (hasBody) headers['content-type'] = 'application/json';
  response.writeHead(answer.status ?? 200, headers);
  response.end(hasBody ? JSON.stringify(body) : undefined);
}

/** Starts the authorization server on 127.0.0.1 with an ephemeral port. */
export async function startOAuthServer(options: OAuthServerOptions): Promise<TestOAuthServer> {
  const { model, tokens, refreshTokens } = inMemoryModel(options);
  const oauth = new OAuth2Server({ model });
  const requests: OAuthServerRequest[] = [];
  const accessTokens: string[] = [];
  const issuedRefreshTokens: string[] = [];
  let lifetime = options.accessTokenLifetime ?? 3600;
  let deny = false;

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const text = await readBody(request);
      const form = Object.fromEntries(new URLSearchParams(text));
      const query = Object.fromEntries(url.searchParams);
      requests.push({ method: request.method ?? '', path: url.pathname, query, form });
      const oauthRequest = new OAuth2Server.Request({
        method: request.method ?? 'GET',
        headers: headersOf(request),
        query,
        body: form,
      });
      const oauthResponse = new OAuth2Server.Response({ headers: {} });
      try {
        switch (url.pathname) {
          case '/oauth2/authorize':
            if (deny) oauthRequest.query = { ...query, allowed: 'false' };
            await oauth.authorize(oauthRequest, oauthResponse, {
              authenticateHandler: { handle: () => TEST_USER },
            });
            break;
          case '/oauth2/token': {
            const token = await oauth.token(oauthRequest, oauthResponse, {
              accessTokenLifetime: lifetime,
              requireClientAuthentication: { authorization_code: false, refresh_token: false },
            });
            accessTokens.push(token.accessToken);
            if (token.refreshToken !== undefined) issuedRefreshTokens.push(token.refreshToken);
            break;
          }
          case '/oauth2/logout':
            break;
          default:
            oauthResponse.status = 404;
        }
      } catch (error) {
        if (!(error instanceof OAuth2Server.OAuthError)) throw error;
        // The library has filled in the error response (a redirect with `error`, or a JSON body),
        // unless it failed before it knew where to redirect.
        if (oauthResponse.status === 200 && oauthResponse.get('location') === undefined) {
          oauthResponse.status = error.code;
          oauthResponse.body = { error: error.name, error_description: error.message };
        }
      }
      send(response, oauthResponse);
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    origin,
    authorizeUrl: `${origin}/oauth2/authorize`,
    tokenUrl: `${origin}/oauth2/token`,
    logoutUrl: `${origin}/oauth2/logout`,
    requests,
    accessTokens,
    refreshTokens: issuedRefreshTokens,
    setAccessTokenLifetime: (seconds) => {
      lifetime = seconds;
    },
    setDeny: (value) => {
      deny = value;
    },
    revokeRefreshTokens: () => {
      refreshTokens.clear();
    },
    revokeAccessTokens: () => {
      tokens.clear();
    },
    authenticate: async (authorization) => {
      const request = new OAuth2Server.Request({
        method: 'GET',
        headers: authorization === undefined ? {} : { authorization },
        query: {},
      });
      try {
        await oauth.authenticate(request, new OAuth2Server.Response({ headers: {} }));
        return true;
      } catch (error) {
        if (error instanceof OAuth2Server.OAuthError) return false;
        throw error;
      }
    },
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A free TCP port on 127.0.0.1 (listen on 0, read the port, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const closed = once(server, 'close');
  server.close();
  await closed;
  return port;
}
