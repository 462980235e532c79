/**
 * The replay signer signs exactly as the AWS SDK does: the SDK's own request, re-signed at the
 * same instant with the same credentials, gets the same Authorization header (path labels
 * double-encoded, query canonicalised, body hashed).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetFunctionEventInvokeConfigCommand, LambdaClient, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sha256, signRequest } from '../../runners/targets/sigv4.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const seen: Seen[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(404, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ResourceNotFoundException' });
    res.end('{"Type":"User","Message":"no"}');
  });
});
let endpoint = '';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Re-signs what the SDK sent, with the headers it signed, at the instant it signed. */
async function resign(s: Seen): Promise<string> {
  const auth = String(s.headers.authorization);
  const signedNames = /SignedHeaders=([^,]+)/.exec(auth)![1]!.split(';');
  const headers = Object.fromEntries(signedNames.filter((n) => n !== 'host').map((n) => [n, String(s.headers[n])]));
  const amzDate = String(s.headers['x-amz-date']);
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const [path = '', search = ''] = s.url.split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  const signed = await signRequest({ method: s.method, endpoint, path, query, headers, body: s.body }, 'us-east-2', credentials, date);
  return signed.authorization!;
}

describe('signRequest', () => {
  it('signs a GET with an ARN label and a query like the SDK', async () => {
    const client = new LambdaClient({ endpoint, region: 'us-east-2', credentials, maxAttempts: 1 });
    await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'arn:aws:lambda:us-east-2:123456789012:function:my-function:live', Qualifier: 'live' })).catch(() => undefined);
    client.destroy();
    const s = seen.at(-1)!;
    expect(s.url).toContain('arn%3Aaws%3Alambda');
    expect(await resign(s)).toBe(s.headers.authorization);
  });

  it('signs a PUT with a JSON body like the SDK', async () => {
    const client = new LambdaClient({ endpoint, region: 'us-east-2', credentials, maxAttempts: 1 });
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'my-function', Qualifier: '$LATEST', MaximumRetryAttempts: 1 })).catch(() => undefined);
    client.destroy();
    const s = seen.at(-1)!;
    expect(s.body.length).toBeGreaterThan(0);
    expect(await resign(s)).toBe(s.headers.authorization);
  });

  it('puts the region in the credential scope, which the emulator routes by', async () => {
    const signed = await signRequest({ method: 'GET', endpoint, path: '/', query: {}, headers: {}, body: Buffer.alloc(0) }, 'eu-west-1', credentials);
    expect(signed.authorization).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/lambda\/aws4_request/);
    expect(signed.host).toBe(new URL(endpoint).host);
  });
});

describe('Sha256', () => {
  it('hashes and keys like node:crypto, and resets', async () => {
    const hash = new Sha256();
    hash.update('abc');
    expect(Buffer.from(await hash.digest()).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    hash.reset();
    hash.update(new Uint8Array([0x61, 0x62, 0x63]));
    expect(Buffer.from(await hash.digest()).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const hmac = new Sha256('key');
    hmac.update('The quick brown fox jumps over the lazy dog');
    expect(Buffer.from(await hmac.digest()).toString('hex')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });
});
