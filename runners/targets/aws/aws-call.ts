/**
 * Small SigV4-signed calls to the services a real-account run needs besides Lambda (STS, IAM and
 * the destination services), in their own wire protocols: query (STS, IAM, SNS), JSON 1.0/1.1
 * (SQS, EventBridge) and REST (S3). Raw calls keep these services out of the runtime
 * dependencies: a mock-only user installs no IAM, STS, SQS, SNS, S3 or EventBridge client.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256, type Credentials } from '../sigv4.js';
import type { ServiceEndpoint } from './endpoints.js';

/** An error answer of an AWS service, or no answer at all (`status` 0). */
export class AwsCallError extends Error {
  constructor(
    readonly service: string,
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(`${service} ${code}: ${message}`);
  }
}

export type CredentialSource = () => Promise<Credentials>;

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

const TIMEOUT_MS = 30_000;

/**
 * Signs and sends one request; resolves with status and body text, whatever the status.
 * @example await signedFetch(endpoint, credentials, { method: 'POST', path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15' })
 */
export async function signedFetch(endpoint: ServiceEndpoint, credentials: CredentialSource, request: SignedRequest): Promise<{ status: number; text: string }> {
  const url = new URL(endpoint.url);
  const basePath = url.pathname.replace(/\/+$/, '');
  const signer = new SignatureV4({
    credentials,
    region: endpoint.signingRegion,
    service: endpoint.signingName,
    sha256: Sha256,
    uriEscapePath: endpoint.signingName !== 's3',
    applyChecksum: endpoint.signingName === 's3',
  });
  const body = request.body ?? '';
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: `${basePath}${request.path}`,
    query: { ...(request.query ?? {}) },
    headers: { ...(request.headers ?? {}), host: url.host },
    body: body.length > 0 ? body : undefined,
  });
  const target = new URL(`${basePath}${request.path}`, url);
  for (const [k, v] of Object.entries(request.query ?? {})) target.searchParams.set(k, v);
  const { host: _host, ...headers } = signed.headers;
  try {
    const response = await fetch(target, { method: request.method, headers, ...(body.length > 0 ? { body } : {}), signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    throw new AwsCallError(endpoint.signingName, 'NetworkError', 0, `cannot reach ${endpoint.url}: ${(error as Error).message}`);
  }
}

/** The text of the first `<tag>` in an XML answer (enough for the few values a run reads). */
export const xmlValue = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}>([^<]*)</${tag}>`)
    .exec(xml)?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every `<tag>` text in an XML answer. */
export const xmlValues = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/&amp;/g, '&'));

function xmlError(service: string, status: number, text: string): AwsCallError {
  return new AwsCallError(service, xmlValue(text, 'Code') ?? `HTTP${status}`, status, xmlValue(text, 'Message') ?? text.slice(0, 200));
}

/**
 * A query-protocol call (STS, IAM, SNS): form-encoded `Action`, XML answer; throws AwsCallError.
 * @example const xml = await queryCall(sts, credentials, 'GetCallerIdentity', '2011-06-15', {})
 */
export async function queryCall(endpoint: ServiceEndpoint, credentials: CredentialSource, action: string, version: string, params: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ Action: action, Version: version, ...params }).toString();
  const { status, text } = await signedFetch(endpoint, credentials, {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  if (status >= 300) throw xmlError(endpoint.signingName, status, text);
  return text;
}

/**
 * A JSON-protocol call (SQS `AmazonSQS`, EventBridge `AWSEvents`); throws AwsCallError.
 * @example await jsonCall(sqs, credentials, 'AmazonSQS.CreateQueue', '1.0', { QueueName: 'eic-ab12-q' })
 */
export async function jsonCall(endpoint: ServiceEndpoint, credentials: CredentialSource, target: string, jsonVersion: '1.0' | '1.1', input: unknown): Promise<Record<string, unknown>> {
  const { status, text } = await signedFetch(endpoint, credentials, {
    method: 'POST',
    path: '/',
    headers: { 'content-type': `application/x-amz-json-${jsonVersion}`, 'x-amz-target': target },
    body: JSON.stringify(input),
  });
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    if (status < 300) throw new AwsCallError(endpoint.signingName, 'InvalidResponse', status, text.slice(0, 200));
  }
  if (status >= 300) {
    const code = String(parsed.__type ?? parsed.code ?? `HTTP${status}`)
      .split('#')
      .pop()!;
    throw new AwsCallError(endpoint.signingName, code, status, String(parsed.message ?? parsed.Message ?? text.slice(0, 200)));
  }
  return parsed;
}

/**
 * A REST call to S3 (path-style on a stand-in, virtual-hosted on AWS); throws AwsCallError on an error status.
 * @example await s3Call(s3, credentials, 'PUT', 'eic-ab12-bucket', '')
 */
export async function s3Call(
  endpoint: ServiceEndpoint,
  credentials: CredentialSource,
  method: string,
  bucket: string,
  subPath: string,
  options: { query?: Record<string, string>; body?: string; headers?: Record<string, string> } = {},
): Promise<string> {
  const virtual = !endpoint.overridden && bucket !== '';
  const at: ServiceEndpoint = virtual ? { ...endpoint, url: endpoint.url.replace('://', `://${bucket}.`) } : endpoint;
  const { status, text } = await signedFetch(at, credentials, {
    method,
    path: virtual || bucket === '' ? `/${subPath}` : `/${bucket}${subPath ? `/${subPath}` : ''}`,
    ...(options.query ? { query: options.query } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  if (status >= 300) throw xmlError('s3', status, text);
  return text;
}
