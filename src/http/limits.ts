/**
 * The HTTP server's limits, in one place, each with the reason it exists. They keep the emulator
 * answering (never hanging, never growing without bound) whatever a client sends. Override them with
 * `startServer({ limits })` (tests use small values to stay fast).
 */
import { BODY_LIMITS } from '../spec/shapes.js';

export interface ServerLimits {
  /**
   * Largest body for everything but code uploads (bytes). AWS refuses bigger event-invoke-config
   * requests with 413 RequestTooLargeException; we refuse it while the body streams in, so a huge
   * body never sits in memory.
   */
  readonly maxBodyBytes: number;
  /** Largest body of CreateFunction / UpdateFunctionCode (AWS: a 50 MB zip, base64 in JSON). */
  readonly maxCodeBodyBytes: number;
  /**
   * Bytes of request bodies buffered at once across all connections. Five 70 MB uploads at once
   * would otherwise hold 350 MB; past this budget a request is throttled (429) instead.
   */
  readonly bufferedBudgetBytes: number;
  /**
   * Time allowed to receive a request's headers (ms). A client that opens a connection and
   * dribbles headers (slowloris) holds a socket; after this it gets 408 and the socket closes.
   */
  readonly headersTimeoutMs: number;
  /**
   * Time allowed to receive a whole request, headers and body (ms). Loopback moves a 70 MB body
   * in well under a second; a body that stalls gets 408.
   */
  readonly requestTimeoutMs: number;
  /** Idle keep-alive connections are closed after this (ms); SDK clients reconnect transparently. */
  readonly keepAliveTimeoutMs: number;
  /**
   * Open connections at once. Each costs a socket and parser; past this Node closes new ones at
   * once, so a flood of connections cannot exhaust file descriptors.
   */
  readonly maxConnections: number;
  /**
   * After an answer that closes the connection while the client is still sending (a body refused
   * with 413 or 429 as it streams), the server reads and discards for up to this long before it
   * closes (ms). Closing at once with unread bytes makes the kernel send a reset, and a client still
   * writing then sees EPIPE or ECONNRESET instead of the answer.
   */
  readonly lingerMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: BODY_LIMITS.default,
  maxCodeBodyBytes: BODY_LIMITS.code,
  bufferedBudgetBytes: 128 * 1024 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
  lingerMs: 5_000,
};

/**
 * The header every control-API request must carry (except `GET /_lambda-eic/health`). A browser
 * cannot add a custom header to a cross-origin request without a CORS preflight, which the
 * emulator never grants, so a web page cannot drive the control API. Its value is `1`, or the
 * token given with `serve --control-token` / `startServer({ controlToken })`.
 */
export const CONTROL_HEADER = 'x-lambda-eic-control';
