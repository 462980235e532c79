import { ERROR_CODES, MESSAGES, type ErrorCode, type Evidence, type MessageArgs, type MessageName } from '../spec/errors.js';

/**
 * An AWS error as a value: code, status, fault, body members and headers. It stays a value until
 * a transport turns it into an HTTP answer, an SDK exception or a Pact interaction.
 */
export class AwsError extends Error {
  override readonly name: ErrorCode;
  readonly status: number;
  readonly fault: 'client' | 'server';
  readonly type: 'User' | 'Service' | undefined;
  readonly messageKey: 'Message' | 'message';
  readonly evidence: Evidence;
  /** Extra body members (TooManyRequestsException's `Reason`). */
  readonly extra: Readonly<Record<string, string>>;
  /** Extra headers (`Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, message: string, options: { evidence?: Evidence; extra?: Record<string, string>; headers?: Record<string, string>; status?: number } = {}) {
    super(message);
    const spec = ERROR_CODES[code];
    this.name = code;
    this.status = options.status ?? spec.status;
    this.fault = spec.fault;
    this.type = 'type' in spec ? spec.type : undefined;
    this.messageKey = spec.messageKey;
    this.evidence = options.evidence ?? spec.evidence;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  get code(): ErrorCode {
    return this.name;
  }

  /**
   * The JSON body AWS sends for this error.
   * @example new AwsError('ResourceNotFoundException', 'x').body() // { Type: 'User', Message: 'x' }
   */
  body(): Record<string, string> {
    const body: Record<string, string> = {};
    if (this.type) body.Type = this.type;
    body[this.messageKey] = this.message;
    return { ...body, ...this.extra };
  }
}

/**
 * Builds the error named in the message catalogue.
 * @example throw fail('functionDoesNotExist'); // 404 ResourceNotFoundException "The function doesn't exist."
 */
export function fail<N extends MessageName>(name: N, ...args: MessageArgs<N>): AwsError {
  const entry = MESSAGES[name];
  const text = (entry.text as (...a: unknown[]) => string)(...args);
  return new AwsError(entry.code, text, { evidence: entry.evidence });
}
