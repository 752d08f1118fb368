import type { LibraryEntry } from '@pqsdk/m-evaluator';
import { dataSourceFunctionEntry } from '../datasource/data-source-function.js';
import { credentialFunctions } from './credential-functions.js';
import { environmentFunctions } from './environment-functions.js';
import { fileContentsFunction } from './file-contents.js';
import { odataFeedFunctions } from './odata-feed.js';
import { ODBC_FUNCTIONS } from './odbc.js';
import { packageFunctions } from './package-functions.js';
import type { EvaluationServices } from './services.js';
import { webContentsFunction, webHeadersFunction } from './web-contents.js';
import { XML_DOCUMENT } from './xml-document.js';
import { XML_TABLES } from './xml-tables.js';

/**
 * The extension library of one connector (DESIGN.md §2): the functions a connector sees beside the
 * standard library, bound to its package and to the host through `services`. Put it after the
 * standard library, so that its entries win:
 * `new Engine({ library: [...STANDARD_LIBRARY, ...extensionLibrary(services)] })`.
 *
 * - `Extension.Contents`, `Extension.LoadString` (culture fallback);
 * - `Extension.CurrentCredential`, `Extension.CredentialError`, `Credential.*`;
 * - `Environment.Configuration`, `Variable.ValueOrDefault`, `Extension.CurrentApplication`,
 *   `Web.DefaultProxy`;
 * - `Web.Contents`, `Web.Headers`;
 * - `Odbc.DataSource`, `Odbc.Query`, `Odbc.InferOptions`, which fail: pqsdk runs no ODBC drivers;
 * - `OData.Feed`, `Xml.Document`, `Xml.Tables`, `File.Contents`;
 * - `Extension.DataSourceFunction`, which the engine wraps data source functions with.
 */
export function extensionLibrary(services: EvaluationServices): LibraryEntry[] {
  return [
    ...packageFunctions(services),
    ...credentialFunctions(services),
    ...environmentFunctions(services),
    webContentsFunction(services),
    webHeadersFunction(services),
    ...odataFeedFunctions(services),
    XML_DOCUMENT,
    XML_TABLES,
    fileContentsFunction(services),
    ...ODBC_FUNCTIONS,
    dataSourceFunctionEntry(services),
  ];
}
