/** Requests Node's HTTP parser refuses (bad framing, oversized headers) still get a JSON AWS error. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/http/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const raw = (text: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });

describe('malformed HTTP framing', () => {
  it.each([
    ['a bad Content-Length', 'PUT /2019-09-25/functions/f/event-invoke-config HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n', 400],
    ['oversized headers', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a garbage request line', 'NOT HTTP AT ALL\r\n\r\n', 400],
  ])('%s answers %s with a JSON error body', async (_what, request, status) => {
    const answer = await raw(request);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toContain('x-amzn-ErrorType: InvalidRequestContentException');
    expect(JSON.parse(body!)).toEqual({ Type: 'User', message: expect.stringContaining('Could not parse request body into json') });
  });
});
