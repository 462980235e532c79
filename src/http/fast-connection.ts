/**
 * One connection on the fast path: requests that arrive whole are answered in the callback of the
 * bytes that carried them, with no request or response objects. The first request the fast path
 * does not take (see `readRequest`), or one still arriving, hands the connection with its unread
 * bytes to node:http for the rest of its life, so node:http keeps every rule it enforces (framing,
 * sizes, header and body timeouts, the body budget) and answers exactly as it always did.
 */
import type { Socket } from 'node:net';
import type { WireResponse } from './codec.js';
import { httpDate, readRequest, renderAnswer } from './fast-path.js';
import type { HttpRequestLike } from './handler.js';

export interface FastConnectionOptions {
  /** The answer to a request (the transport-free handler). */
  readonly answer: (request: HttpRequestLike) => WireResponse;
  /** Whether a request is refused (cross-site): node:http takes it, and answers and closes as it always did. */
  readonly refused: (headers: HttpRequestLike['headers']) => boolean;
  /** The largest body accepted for a method and target. */
  readonly maxBody: (method: string, url: string) => number;
  /** Time allowed before the first request is whole (ms). */
  readonly headersTimeoutMs: number;
  /** Idle time after an answer before the connection closes (ms), as advertised in `Keep-Alive`. */
  readonly keepAliveTimeoutMs: number;
  /** Gives the connection to node:http with the bytes not read yet. */
  readonly handOff: (socket: Socket, unread: Buffer) => void;
  /** The first request did not arrive in time: answer 408 and close, as node:http does. */
  readonly timedOut: (socket: Socket) => void;
}

/** node:http keeps an idle kept-alive socket this much longer than it advertises (fewer resets). */
const KEEP_ALIVE_BUFFER_MS = 1_000;
/** Answers waiting in the socket past this many bytes pause reading until they drain. */
const WRITE_HIGH_WATER = 64 * 1024;

/**
 * Serves `socket` on the fast path until it closes or is handed to node:http.
 * @example createServer({ allowHalfOpen: true }, (socket) => serveFast(socket, options))
 */
export function serveFast(socket: Socket, options: FastConnectionOptions): void {
  let answered = false;
  const onTimeout = () => (answered ? socket.destroy() : options.timedOut(socket));
  const onError = () => socket.destroy();
  const onEnd = () => socket.end();
  const onDrain = () => socket.resume();
  const onData = (bytes: Buffer) => {
    const text = bytes.toString('latin1');
    let offset = 0;
    let out = '';
    while (offset < bytes.length) {
      const request = readRequest(bytes, offset, options.maxBody, text);
      if (typeof request === 'string' || options.refused(request.headers)) break;
      out += renderAnswer(options.answer(request), httpDate(), options.keepAliveTimeoutMs);
      offset = request.next;
    }
    if (out !== '') {
      if (!answered) {
        answered = true;
        socket.setTimeout(options.keepAliveTimeoutMs + KEEP_ALIVE_BUFFER_MS);
      }
      socket.write(out);
      if (socket.writableLength > WRITE_HIGH_WATER) socket.pause();
    }
    if (offset < bytes.length) handOff(offset === 0 ? bytes : bytes.subarray(offset));
  };
  const handOff = (unread: Buffer) => {
    socket.removeListener('data', onData).removeListener('timeout', onTimeout).removeListener('error', onError).removeListener('end', onEnd).removeListener('drain', onDrain);
    socket.setTimeout(0);
    socket.resume();
    options.handOff(socket, unread);
  };
  socket.setTimeout(options.headersTimeoutMs);
  socket.on('data', onData).on('timeout', onTimeout).on('error', onError).on('end', onEnd).on('drain', onDrain);
}
