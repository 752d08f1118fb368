import type { WireResponse } from '../http/transport.js';
import type { HttpHeader, HttpMethod } from '../http/types.js';

/**
 * The pqsdk mock fixture format, version 1 (README "HTTP and mocks"). A fixture file holds one
 * exchange object or an array of them; each says `"pqsdkMock": 1`.
 */
export const MOCK_FORMAT_VERSION = 1;

/** A JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The request matcher of a fixture, as written in JSON. */
export interface MockRequestJson {
  /** `GET`, `POST` or `HEAD`; any method when left out. */
  method?: HttpMethod;
  /**
   * The absolute URL. It matches a request with the same scheme, host, port and path, and the same
   * query parameters in any order (a value `<redacted>` matches any value).
   */
  url?: string;
  /** A regular expression (JavaScript syntax) that the whole request URL must match. */
  urlPattern?: string;
  /** Headers the request must have (names without regard to case; `<redacted>` matches any value). */
  headers?: Record<string, string>;
  /** The body as text, exactly (`<redacted>` in it matches any text). */
  body?: string;
  /** The body as JSON, compared as values (key order does not matter; `"<redacted>"` matches any). */
  json?: JsonValue;
  /** The body as form fields (`a=1&b=2`), in any order (`<redacted>` matches any value). */
  form?: Record<string, string | string[]>;
  /** The body as bytes, in base64. */
  base64?: string;
}

/** The response of a fixture, as written in JSON. */
export interface MockResponseJson {
  /** The status code. Default: 200. */
  status?: number;
  /** The reason phrase. Default: the standard one for the status. */
  statusText?: string;
  /** The headers; a list gives a header several times. */
  headers?: Record<string, string | string[]>;
  /** The body as UTF-8 text. */
  body?: string;
  /** The body as JSON (sent compact, without spaces). */
  json?: JsonValue;
  /** The body as bytes, in base64. */
  base64?: string;
}

/** One exchange of a fixture file, as written in JSON. */
export interface MockFixtureJson {
  /** The format version: 1. */
  pqsdkMock: 1;
  /** A name for messages. */
  name?: string;
  /** How many times the exchange may match; unlimited when left out. */
  times?: number;
  /** What requests it matches. */
  request: MockRequestJson;
  /** The response it gives. */
  response: MockResponseJson;
}

/** How a fixture matches a request body. */
export type BodyMatcher =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'json'; readonly value: JsonValue }
  | { readonly kind: 'form'; readonly pairs: readonly (readonly [string, string])[] }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

/** What requests a fixture matches, once loaded. */
export interface RequestMatcher {
  /** The method, or any when undefined. */
  readonly method?: HttpMethod;
  /** The URL to compare with, when the fixture gives `url`. */
  readonly url?: string;
  /** The anchored pattern, when the fixture gives `urlPattern`. */
  readonly urlPattern?: RegExp;
  /** Headers the request must have. */
  readonly headers: readonly HttpHeader[];
  /** How the body must look, when the fixture says. */
  readonly body?: BodyMatcher;
}

/** One loaded exchange. */
export interface MockExchange {
  /** Where it comes from, for messages: `file`, or `file[index]` for an item of an array. */
  readonly origin: string;
  /** Its name, when it has one. */
  readonly name?: string;
  /** How many times it may match; unlimited when undefined. */
  readonly times?: number;
  /** What requests it matches. */
  readonly request: RequestMatcher;
  /** The response it gives. */
  readonly response: WireResponse;
}

/** How an exchange is named in messages: `"name" (origin)` or just its origin. */
export function exchangeLabel(exchange: MockExchange): string {
  return exchange.name === undefined
    ? exchange.origin
    : `${JSON.stringify(exchange.name)} (${exchange.origin})`;
}
