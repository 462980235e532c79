/**
 * Differential: random request sequences (methods, targets, header spellings and spacing, bodies
 * valid and not, requests node:http must take) sent in random pieces get the same bytes from a
 * server whose connection starts on the fast path as from one that hands it to node:http at once.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/http/server.js';
import { fixedContext } from '../../src/model/context.js';

const HOST = '127.0.0.1';
const startOne = () => startServer({ context: (region, account) => fixedContext(1_700_000_000_000, { region, account }) });

/**
 * Sends the pieces 5 ms apart; resolves with everything received once `answers` answers came, the
 * connection closed, or nothing came for a second (a request that gets no answer).
 */
function exchange(port: number, pieces: readonly string[], answers: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const quiet = setTimeout(() => socket.destroy(), 1_000);
    const socket = connect(port, HOST, async () => {
      for (const piece of pieces) {
        socket.write(Buffer.from(piece, 'latin1'));
        quiet.refresh();
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    socket.on('data', (d) => {
      text += d.toString('latin1');
      quiet.refresh();
      if ((text.match(/HTTP\/1\.1 \d{3} /g) ?? []).length >= answers) socket.destroy();
    });
    socket.on('close', () => clearTimeout(quiet));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

const masked = (text: string) => text.replace(/^Date: .*\r\n/gm, 'Date: -\r\n').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');

const zip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]).toString('base64');
const CREATE = JSON.stringify({ FunctionName: 'f', Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: zip } });
const CONFIG = '/2019-09-25/functions/f/event-invoke-config';

const target = fc.constantFrom(
  CONFIG,
  `${CONFIG}?Qualifier=%24LATEST`,
  '/2019-09-25/functions/f/event-invoke-config/list?MaxItems=1',
  '/2019-09-25/functions/g/event-invoke-config',
  '/2015-03-31/functions/f',
  '/nope',
  '/2019-09-25/functions/f%3A1/event-invoke-config',
  '/_lambda-eic/health',
);
const body = fc.constantFrom(
  '{"MaximumRetryAttempts":1}',
  '{"MaximumEventAgeInSeconds":61,"DestinationConfig":{"OnFailure":{"Destination":"arn:aws:sqs:us-east-1:123456789012:q"}}}',
  '{"MaximumRetryAttempts":',
  '{}',
  '',
  '{"Bogus":1}',
  '{"MaximumRetryAttempts":"é"}',
);
const headerName = fc.constantFrom('X-Extra', 'x-amz-date', 'User-Agent', 'Accept');
const spacing = fc.constantFrom('', ' ', '  ', '\t');
const request = fc
  .record({
    method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE'),
    target,
    body: fc.option(body),
    extra: fc.array(fc.tuple(headerName, spacing, fc.constantFrom('a', 'b c', 'sdk/3 (x)')), { maxLength: 2 }),
    odd: fc.constantFrom('none', 'none', 'none', 'chunked', 'dup'),
  })
  .map((r) => {
    const extras = [...new Map(r.extra.map(([n, s, v]) => [n.toLowerCase(), `${n}:${s}${v}${s}`])).values()];
    const headers = [`Host: ${HOST}`, ...extras];
    if (r.odd === 'dup') headers.push(`Host: ${HOST}`);
    let payload = '';
    if (r.odd === 'chunked') {
      const b = Buffer.from(r.body ?? '');
      headers.push('Transfer-Encoding: chunked');
      payload = `${b.length > 0 ? `${b.length.toString(16)}\r\n${b.toString('latin1')}\r\n` : ''}0\r\n\r\n`;
    } else if (r.body !== null) {
      headers.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(r.body)}`);
      payload = Buffer.from(r.body).toString('latin1');
    }
    return `${r.method} ${r.target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${payload}`;
  });

/** The whole byte string cut at the given points (sorted, deduplicated). */
const cut = (text: string, points: number[]) => {
  const at = [...new Set(points.map((p) => Math.floor(p * text.length)))].sort((a, b) => a - b).filter((p) => p > 0 && p < text.length);
  return [0, ...at].map((p, i) => text.slice(p, at[i] ?? text.length));
};

describe('fast path and node:http, differentially', () => {
  it('answer random request sequences in random pieces with the same bytes', async () => {
    const create = `POST /2015-03-31/functions HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nContent-Length: ${CREATE.length}\r\n\r\n${CREATE}`;
    const forceNode = `PUT /x HTTP/1.1\r\nHost: ${HOST}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('none', 'close', 'http10'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        async (requests, close, points) => {
          const [fast, viaNode] = [await startOne(), await startOne()];
          try {
            // A request that closes the connection (HTTP/1.0 or Connection: close) comes last: node:http
            // answers bytes after it with a 400 or not depending on when they arrive.
            const last = { none: '', close: `GET ${CONFIG} HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`, http10: `GET ${CONFIG} HTTP/1.0\r\nHost: ${HOST}\r\n\r\n` }[close];
            const text = create + requests.join('') + last;
            const answers = 1 + requests.length + (last === '' ? 0 : 1);
            const fastText = await exchange(fast.port, cut(text, points), answers);
            const nodeText = await exchange(viaNode.port, [forceNode, ...cut(text, points)], answers + 1);
            // The forced request's own answer (a 404) comes first on the node:http side.
            expect(masked(fastText)).toBe(masked(nodeText.slice(nodeText.indexOf('HTTP/1.1', 1))));
          } finally {
            await fast.close();
            await viaNode.close();
          }
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  }, 60_000);
});
