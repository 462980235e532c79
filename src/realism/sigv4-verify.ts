/**
 * Checks an AWS Signature V4 `Authorization` header the way AWS does: rebuild the canonical
 * request from what arrived, sign it with the secret of the access key named in the credential
 * scope, and compare. Synchronous (node:crypto), so the transport-free handler can call it.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface ArrivedRequest {
  readonly method: string;
  /** Path and query as on the request line. */
  readonly url: string;
  /** Header names lower-cased, as Node gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export type SignatureVerdict =
  | { readonly ok: true; readonly accessKeyId: string; readonly region: string; readonly service: string }
  | { readonly ok: false; readonly reason: 'missing' | 'unknown-key' | 'mismatch' };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

const escapeUri = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** The canonical URI of a non-S3 service: each segment as sent, encoded once more. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalised = `/${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalised).replace(/%2F/g, '/');
}

function canonicalQuery(search: string): string {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of new URLSearchParams(search)) if (key !== 'X-Amz-Signature') pairs.push([escapeUri(key), escapeUri(value)]);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const headerValue = (headers: ArrivedRequest['headers'], name: string): string => {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
};

/**
 * Verifies the request's SigV4 signature against known secrets (access key id to secret).
 * @example verifySignature(request, { testing: 'testing' }) // { ok: true, accessKeyId: 'testing', region: 'us-east-1', service: 'lambda' }
 */
export function verifySignature(request: ArrivedRequest, secrets: Readonly<Record<string, string>>): SignatureVerdict {
  const header = headerValue(request.headers, 'authorization');
  const parts = AUTH.exec(header);
  if (!parts) return { ok: false, reason: 'missing' };
  const [, accessKeyId, shortDate, region, service, signedHeaders, signature] = parts as unknown as string[];
  const secret = Object.hasOwn(secrets, accessKeyId!) ? secrets[accessKeyId!] : undefined;
  if (secret === undefined) return { ok: false, reason: 'unknown-key' };
  const longDate = headerValue(request.headers, 'x-amz-date');
  const [rawPath, ...rest] = request.url.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/, '').split('?');
  const names = signedHeaders!.split(';');
  const payload = headerValue(request.headers, 'x-amz-content-sha256') || sha256Hex(request.body);
  const canonical = [
    request.method,
    canonicalPath(rawPath || '/'),
    canonicalQuery(rest.join('?')),
    ...names.map((name) => `${name}:${headerValue(request.headers, name)}`),
    '',
    signedHeaders,
    payload,
  ].join('\n');
  const scope = `${shortDate}/${region}/${service}/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${sha256Hex(canonical)}`;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, shortDate!), region!), service!), 'aws4_request');
  const expected = Buffer.from(createHmac('sha256', key).update(toSign, 'utf8').digest('hex'));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true, accessKeyId: accessKeyId!, region: region!, service: service! };
}
