/**
 * Signs a replayed request with AWS Signature V4 for Lambda, as the AWS SDK would, so targets
 * that route or authorise by signature (the emulator reads the region from it; AWS checks it)
 * accept the replay. SHA-256 comes from node:crypto.
 */
import { createHash, createHmac, type Hash as NodeHash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

type SourceData = string | ArrayBuffer | ArrayBufferView;

const bytes = (data: SourceData): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

/**
 * The SDK's `Checksum` contract over node:crypto: a hash, or an HMAC when given a secret.
 * @example const h = new Sha256(); h.update('abc'); await h.digest() // SHA-256 of 'abc'
 */
export class Sha256 {
  private readonly secret: Buffer | undefined;
  private state: NodeHash | Hmac;
  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytes(secret);
    this.state = this.fresh();
  }
  private fresh(): NodeHash | Hmac {
    return this.secret ? createHmac('sha256', this.secret) : createHash('sha256');
  }
  update(chunk: SourceData): void {
    this.state.update(bytes(chunk));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.state.digest());
  }
  reset(): void {
    this.state = this.fresh();
  }
}

export interface SignableRequest {
  readonly method: string;
  /** The target's base URL: scheme, host and port of what is signed. */
  readonly endpoint: string;
  /** Path as sent, labels already encoded. */
  readonly path: string;
  /** Decoded query members. */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * Credentials as the runner's HTTP targets take them: the environment, else `testing`.
 * @example envCredentials().accessKeyId // 'testing' when AWS_ACCESS_KEY_ID is unset
 */
export const envCredentials = (): Credentials => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'testing',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'testing',
  ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
});

/**
 * The headers of the signed request (its own plus `host`, `x-amz-date`, `authorization`, ...).
 * @example await signRequest({ method: 'GET', endpoint: 'http://127.0.0.1:4010', path: '/2019-09-25/functions/f/event-invoke-config', query: {}, headers: {}, body: Buffer.alloc(0) }, 'us-east-1', envCredentials())
 * // { host: '127.0.0.1:4010', 'x-amz-date': '...', authorization: 'AWS4-HMAC-SHA256 Credential=testing/.../us-east-1/lambda/aws4_request, ...', ... }
 */
export async function signRequest(request: SignableRequest, region: string, credentials: Credentials, date?: Date): Promise<Record<string, string>> {
  const url = new URL(request.endpoint);
  const signer = new SignatureV4({ credentials, region, service: 'lambda', sha256: Sha256, uriEscapePath: true });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: request.path,
      query: { ...request.query },
      headers: { ...request.headers, host: url.host },
      body: request.body.length > 0 ? request.body : undefined,
    },
    date ? { signingDate: date } : {},
  );
  return signed.headers;
}
