/**
 * A lingering close, as nginx and Apache do it: the server half-closes after its last answer and
 * keeps reading (and dropping) what the client still sends, so the client reads the answer before
 * the connection goes. Destroying a socket with unread bytes makes the kernel send a reset, and a
 * client still uploading then gets EPIPE or ECONNRESET instead of its 413 or 429.
 */
import type { Socket } from 'node:net';

/**
 * Makes node:http close `socket` by lingering: node:http calls `destroySoon()` after the last
 * answer of a connection; here that half-closes, drops further bytes, and destroys the socket when
 * the client ends or after `lingerMs`, whichever comes first.
 * @example
 * lingerBeforeClose(res.socket, DEFAULT_LIMITS.lingerMs);
 * res.writeHead(413, { Connection: 'close' }).end(body);
 */
export function lingerBeforeClose(socket: Socket, lingerMs: number): void {
  socket.destroySoon = () => {
    if (socket.destroyed) return;
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    // The client is done too: close once the answer is flushed (the stock destroySoon).
    const closeNow = () => Object.getPrototypeOf(socket).destroySoon.call(socket);
    if (socket.readableEnded) return closeNow();
    socket.once('end', closeNow);
    socket.end();
    socket.resume();
  };
}
