/**
 * mockLambda's short way (direct-call.ts) must return exactly what the SDK's own middleware
 * returns: the same random sequences of event-invoke-config calls, one client answered the short
 * way and one forced through the SDK (a middleware of its own), give outputs and exceptions equal
 * member by member, in the same order, undefined members and Date values included, and the same
 * state afterwards.
 */
import {
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mockLambda, type LambdaMock } from '../../src/adapters/client-mock.js';
import { directInput, isPlainClient, isPlainCommand, sdkOutput } from '../../src/adapters/direct-call.js';
import { SQS, fastClient } from './support.js';

const FN = 'direct-fn';
const ARN = `arn:aws:lambda:us-east-1:123456789012:function:${FN}`;

const COMMANDS = {
  Put: PutFunctionEventInvokeConfigCommand,
  Update: UpdateFunctionEventInvokeConfigCommand,
  Get: GetFunctionEventInvokeConfigCommand,
  Delete: DeleteFunctionEventInvokeConfigCommand,
  List: ListFunctionEventInvokeConfigsCommand,
} as const;
type Kind = keyof typeof COMMANDS;

/** Mostly values AWS accepts (so most calls succeed and the outputs are compared), sometimes edge cases. */
const mostly = <T>(valid: readonly T[], edge: readonly unknown[], absent = 0) =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 6 }, { arbitrary: fc.constantFrom(...edge), weight: 1 }, { arbitrary: fc.constant(undefined), weight: absent });
const functionName = mostly([FN, `${FN}:1`, `${FN}:live`, `${ARN}:live`, ARN], ['missing', '', 'a/b', 'x'.repeat(70), 'é', '\uD800', 'arn:aws:lambda:eu-west-1:123456789012:function:f']);
const qualifier = mostly(['$LATEST', '1', 'live'], ['2', '', '$LATEST.PUBLISHED', 'a+b', null], 4);
const retries = mostly([0, 1, 2], [3, -1, 1.5, -0, 2 ** 53, Number.NaN, '1', null], 3);
const age = mostly([60, 3600, 21600], [59, 21601, 1.5, '60', null], 3);
const destination = mostly([SQS, 'arn:aws:sns:us-east-1:123456789012:done'], ['not-an-arn', '', `${ARN}:nope`, 7], 1);
const target = fc.oneof(
  { arbitrary: fc.record({ Destination: destination }), weight: 4 },
  { arbitrary: fc.constantFrom<unknown>(undefined, {}), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(null, { Destination: SQS, Extra: 1 }), weight: 1 },
);
const destinationConfig = fc.oneof(
  { arbitrary: fc.record({ OnSuccess: target, OnFailure: target }), weight: 4 },
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(null, {}, { OnFailure: { Destination: SQS }, Other: {} }), weight: 1 },
);
const extra = mostly<Record<string, unknown>>([{}], [{ Unknown: 1 }]);

const call = fc.oneof(
  fc.record({
    kind: fc.constantFrom<Kind>('Put', 'Update'),
    input: fc.record({ FunctionName: functionName, Qualifier: qualifier, MaximumRetryAttempts: retries, MaximumEventAgeInSeconds: age, DestinationConfig: destinationConfig }),
    extra,
  }),
  fc.record({ kind: fc.constantFrom<Kind>('Get', 'Delete'), input: fc.record({ FunctionName: functionName, Qualifier: qualifier }), extra }),
  fc.record({
    kind: fc.constant<Kind>('List'),
    input: fc.record({ FunctionName: functionName, MaxItems: mostly([1, 2, 50], [0, -1, 1.5, '2', null], 3), Marker: mostly(['ZWljOjE', 'ZWljOiRMQVRFU1Q'], ['', 'bogus'], 4) }),
    extra,
  }),
);

/** A value with its member order, undefined members, Dates and classes made visible; request ids blanked. */
function shape(value: unknown): unknown {
  if (value instanceof Date) return { Date: value.getTime() };
  if (Array.isArray(value)) return value.map(shape);
  if (value instanceof Error) {
    const e = value as Error & Record<string, unknown>;
    const members = Object.getOwnPropertyNames(e).filter((n) => n !== 'stack' && n !== '$response');
    return { class: e.constructor.name, members: members.map((n) => [n, shape(e[n])]), status: (e.$response as { statusCode?: number } | undefined)?.statusCode };
  }
  if (typeof value === 'object' && value !== null)
    return { proto: Object.getPrototypeOf(value) === Object.prototype, members: Object.entries(value).map(([k, v]) => [k, k === 'requestId' ? '<id>' : shape(v)]) };
  return value === undefined ? '<undefined>' : value;
}

function setUp(viaSdk: boolean): { mock: LambdaMock; client: LambdaClient } {
  const client = fastClient({ maxAttempts: 1 });
  // A middleware of the test's own: the mock must then take the SDK's way for this client.
  if (viaSdk) client.middlewareStack.add((next) => (args) => next(args), { step: 'initialize', name: 'forcesTheSdkWay' });
  let tick = 0;
  const mock = mockLambda({ client, now: () => Date.UTC(2026, 5, 1) + 1234 * ++tick + (tick % 3), newId: () => `id-${tick}` });
  mock.seedFunction(FN, { versions: 1, aliases: { live: '1' } });
  return { mock, client };
}

async function outcome(client: LambdaClient, kind: Kind, input: Record<string, unknown>): Promise<unknown> {
  const Command = COMMANDS[kind] as new (input: never) => object;
  try {
    return shape(await client.send(new Command(input as never) as never));
  } catch (error) {
    return shape(error);
  }
}

describe('mockLambda short way', () => {
  it('is taken for plain clients and commands, not for a client with middleware of its own', () => {
    expect(isPlainClient(fastClient())).toBe(true);
    expect(isPlainClient(setUp(true).client)).toBe(false);
    expect(isPlainCommand(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN }) as never)).toBe(true);
    const own = new GetFunctionEventInvokeConfigCommand({ FunctionName: FN });
    own.middlewareStack.add((next) => (args) => next(args), { step: 'initialize' });
    expect(isPlainCommand(own as never)).toBe(false);
  });

  it('takes only inputs the SDK would send unchanged', () => {
    expect(directInput('GetFunctionEventInvokeConfig', { FunctionName: 'f', Qualifier: undefined })).toEqual({ FunctionName: 'f' });
    expect(directInput('PutFunctionEventInvokeConfig', { FunctionName: 'f', DestinationConfig: { OnFailure: { Destination: SQS }, OnSuccess: undefined } })).toEqual({
      FunctionName: 'f',
      DestinationConfig: { OnFailure: { Destination: SQS } },
    });
    for (const input of [{ FunctionName: '' }, { FunctionName: 'f', Qualifier: '' }, { FunctionName: '\uD800' }, { FunctionName: 'f', Extra: 1 }, { FunctionName: 'f', Qualifier: null }])
      expect(directInput('GetFunctionEventInvokeConfig', input), JSON.stringify(input)).toBeUndefined();
    for (const value of [1.5, -0, 2 ** 53, '1', null]) expect(directInput('PutFunctionEventInvokeConfig', { FunctionName: 'f', MaximumRetryAttempts: value })).toBeUndefined();
    expect(directInput('CreateFunction', { FunctionName: 'f' })).toBeUndefined();
  });

  it('puts $metadata last, as the SDK does', () => {
    expect(Object.keys(sdkOutput('GetFunctionEventInvokeConfig', 200, { LastModified: 1.5, FunctionArn: 'a', DestinationConfig: { OnSuccess: {}, OnFailure: {} } }, 'r'))).toEqual([
      'LastModified',
      'FunctionArn',
      'DestinationConfig',
      '$metadata',
    ]);
  });

  it('returns what the SDK way returns, call after call, member order included', async () => {
    let direct = 0;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 12 }), async (calls) => {
        const short = setUp(false);
        const sdk = setUp(true);
        try {
          for (const { kind, input, extra } of calls) {
            const full: Record<string, unknown> = { ...input, ...(extra as Record<string, unknown>) };
            if (directInput(COMMANDS[kind].name.replace(/Command$/, '') as never, full)) direct++;
            const viaShortWay = await outcome(short.client, kind, full);
            expect(viaShortWay, `${kind} ${JSON.stringify(full)}`).toEqual(await outcome(sdk.client, kind, full));
            if (!(viaShortWay as { class?: string }).class) answered++;
          }
          expect(short.mock.state()).toEqual(sdk.mock.state());
        } finally {
          short.mock.restore();
          sdk.mock.restore();
        }
      }),
      { numRuns: 60, seed: 15 },
    );
    // The property is about the short way: most generated calls must have taken it.
    expect(direct).toBeGreaterThan(100);
    expect(answered).toBeGreaterThan(100);
  });

  it('answers the SDK way for errors of the short way, concurrent calls each with their own answer', async () => {
    const { mock, client } = setUp(false);
    try {
      mock.failNext('GetFunctionEventInvokeConfig', 'conflict');
      const results = await Promise.allSettled([
        client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN })),
        client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: '1' })),
        client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 1 })),
      ]);
      expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : 'ok'))).toEqual(['ResourceConflictException', 'ResourceNotFoundException', 'ok']);
    } finally {
      mock.restore();
    }
  });
});
