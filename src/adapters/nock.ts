/**
 * `lambda-eic-conformance/nock`: nock answers `https://lambda.<region>.amazonaws.com` with the
 * reference model through `handleHttp`, the exchange the embedded server uses. The whole SDK
 * pipeline runs (serialisation, SigV4 signing, retries, parsing) over Node's http or fetch.
 * Requests to any other host are refused (nock's NetConnectNotAllowedError names the host, and
 * `done()` lists them), except localhost, so the embedded server still works.
 *
 * No client config change: while an interceptor is active, dummy credentials and the region are
 * supplied through the environment the SDK's default providers read (`AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`), each only when unset, and put back by the last `restore()`.
 * Signatures are never checked and nothing leaves the process.
 */
import nock from 'nock';
import { createModelCore, type LambdaModelHandle, type ModelOptions } from './handle.js';

export type { LambdaModelHandle, ModelOptions, SeedFunctionOptions, SeededFunction, ConfigSettings, ConfigSnapshot } from './handle.js';

export type InterceptLambdaOptions = ModelOptions;

export interface LambdaInterceptor extends LambdaModelHandle {
  /** `https://lambda.<region>.amazonaws.com`. */
  readonly origin: string;
  /**
   * Throws if a request went to a host that was refused (another region, another service).
   * @example lambda.done()
   */
  done(): void;
  /**
   * Removes the interceptors and, once no interceptor is left, allows network connections again.
   * @example lambda.restore()
   */
  restore(): void;
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE'] as const;
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)(:\d+)?$/;
let active = 0;

/** What interceptLambda puts in the environment while active, only where the user set nothing. */
export const DUMMY_ENVIRONMENT = { AWS_ACCESS_KEY_ID: 'AKIDLAMBDAEICMOCK', AWS_SECRET_ACCESS_KEY: 'lambda-eic-conformance-mock-secret' } as const;
let supplied: string[] = [];

function supplyEnvironment(region: string): void {
  for (const [name, value] of Object.entries({ ...DUMMY_ENVIRONMENT, AWS_REGION: region }))
    if (process.env[name] === undefined) {
      process.env[name] = value;
      supplied.push(name);
    }
}

function withdrawEnvironment(): void {
  for (const name of supplied) delete process.env[name];
  supplied = [];
}

/**
 * Answers AWS Lambda's endpoint for one region from the reference model.
 * @example
 * const lambda = interceptLambda({ region: 'us-east-1' });
 * lambda.seedFunction('my-function');
 * const client = new LambdaClient({}); // region and dummy credentials come from the environment
 * await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'my-function' })); // throws ResourceNotFoundException
 * lambda.restore();
 */
export function interceptLambda(options: InterceptLambdaOptions = {}): LambdaInterceptor {
  const core = createModelCore(options);
  const origin = `https://lambda.${core.region}.amazonaws.com`;
  const scope = nock(origin).persist();
  const interceptors = METHODS.map((method) => {
    const interceptor = scope.intercept(() => true, method);
    interceptor.reply(async (request: Request) => {
      const url = new URL(request.url);
      const answer = core.answer({
        method: request.method,
        url: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(request.headers),
        body: Buffer.from(await request.arrayBuffer()),
      });
      return [answer.status, answer.body, answer.headers] as const;
    });
    return interceptor;
  });

  const refused: string[] = [];
  const onNoMatch = (request: Request) => {
    const url = new URL(request.url);
    if (!LOCAL.test(url.host)) refused.push(`${request.method} ${url.origin}${url.pathname}`);
  };
  nock.emitter.on('no match', onNoMatch);
  nock.enableNetConnect((host) => LOCAL.test(host));
  if (active === 0) supplyEnvironment(core.region);
  active += 1;

  let restored = false;
  const { answer: _answer, ...handle } = core;
  return {
    ...handle,
    origin,
    reset() {
      core.reset();
      refused.length = 0;
    },
    done() {
      if (refused.length > 0) throw new Error(`interceptLambda(${origin}) refused ${refused.length} request(s) to other hosts:\n  ${refused.join('\n  ')}`);
    },
    restore() {
      if (restored) return;
      restored = true;
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      nock.emitter.removeListener('no match', onNoMatch);
      active -= 1;
      if (active === 0) {
        nock.enableNetConnect();
        withdrawEnvironment();
      }
    },
  };
}
