/** src/http/codec.ts, data in and data out: an HTTP request to an input, an outcome to an HTTP answer. */
import { describe, expect, it } from 'vitest';
import { decodeRequest, encodeError, encodeOutcome } from '../../src/http/codec.js';
import { AwsError, fail } from '../../src/model/aws-error.js';
import { BODY_LIMITS } from '../../src/spec/shapes.js';

const body = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const put = (b: Buffer, query = '') => decodeRequest({ operation: 'PutFunctionEventInvokeConfig', labels: { FunctionName: 'f' }, query: new URLSearchParams(query), body: b });
const refusal = (thunk: () => unknown) => {
  try {
    thunk();
  } catch (error) {
    return error as AwsError;
  }
  throw new Error('no error');
};

describe('decodeRequest', () => {
  it('takes labels from the path, members from the query (integers as numbers) and from the JSON body', () => {
    expect(put(body({ MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: 'arn:x' } } }), 'Qualifier=live')).toEqual({
      FunctionName: 'f',
      Qualifier: 'live',
      MaximumRetryAttempts: 1,
      DestinationConfig: { OnFailure: { Destination: 'arn:x' } },
    });
    const list = decodeRequest({ operation: 'ListFunctionEventInvokeConfigs', labels: { FunctionName: 'f' }, query: new URLSearchParams('MaxItems=5&Marker=m'), body: Buffer.alloc(0) });
    expect(list).toEqual({ FunctionName: 'f', MaxItems: 5, Marker: 'm' });
  });

  it("leaves a query integer that is not one as text, for the model to refuse with AWS's error", () => {
    const list = decodeRequest({ operation: 'ListFunctionEventInvokeConfigs', labels: { FunctionName: 'f' }, query: new URLSearchParams('MaxItems=ten'), body: Buffer.alloc(0) });
    expect(list.MaxItems).toBe('ten');
  });

  it('reads an empty, blank or null body as no members', () => {
    for (const b of [Buffer.alloc(0), body('  \n'), body('null')]) expect(put(b)).toEqual({ FunctionName: 'f' });
  });

  it('turns base64 blobs into bytes (CreateFunction Code.ZipFile)', () => {
    const input = decodeRequest({ operation: 'CreateFunction', labels: {}, query: new URLSearchParams(), body: body({ FunctionName: 'f', Code: { ZipFile: Buffer.from('zip').toString('base64') } }) });
    expect(input.Code).toEqual({ ZipFile: new Uint8Array(Buffer.from('zip')) });
  });

  it('refuses a body that is not JSON, not an object, or names an unknown member (event-invoke-config operations)', () => {
    expect(refusal(() => put(body('{"MaximumRetryAttempts":')))).toMatchObject({ code: 'InvalidRequestContentException', status: 400 });
    expect(refusal(() => put(body([1])))).toMatchObject({ code: 'InvalidRequestContentException', message: 'Could not parse request body into json: the body must be a JSON object' });
    expect(refusal(() => put(body({ MaximumRetryAttempt: 1 })))).toMatchObject({
      code: 'InvalidRequestContentException',
      message: 'Could not parse request body into json: Unrecognized field "MaximumRetryAttempt"',
    });
  });

  it("refuses a body over the operation's limit", () => {
    expect(refusal(() => put(Buffer.alloc(BODY_LIMITS.default + 1, 32)))).toMatchObject({ code: 'RequestTooLargeException' });
  });
});

describe('encodeOutcome and encodeError', () => {
  it('answers a config as JSON, LastModified printed with three decimals', () => {
    const answer = encodeOutcome({ ok: true, status: 200, output: { FunctionArn: 'a', LastModified: 1573687896 } }, 'req-1');
    expect(answer).toEqual({ status: 200, headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'req-1' }, body: '{"FunctionArn":"a","LastModified":1573687896.000}' });
  });

  it('leaves a string that merely mentions "LastModified": alone', () => {
    const answer = encodeOutcome({ ok: true, status: 200, output: { Note: '"LastModified":1', LastModified: 1.5 } }, 'r');
    expect(JSON.parse(answer.body)).toEqual({ Note: '"LastModified":1', LastModified: 1.5 });
    expect(answer.body).toContain('"LastModified":1.500');
  });

  it('answers 204 with no body and no content type', () => {
    expect(encodeOutcome({ ok: true, status: 204, output: undefined }, 'r')).toEqual({ status: 204, headers: { 'x-amzn-RequestId': 'r' }, body: '' });
  });

  it('answers an error with its status, x-amzn-ErrorType, its own headers and the AWS body shape', () => {
    expect(encodeError(fail('functionDoesNotExist'), 'r')).toEqual({
      status: 404,
      headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'r', 'x-amzn-ErrorType': 'ResourceNotFoundException' },
      body: JSON.stringify({ Type: 'User', Message: "The function doesn't exist." }),
    });
    const throttled = new AwsError('TooManyRequestsException', 'Rate exceeded', { extra: { Reason: 'CallerRateLimitExceeded' }, headers: { 'Retry-After': '1' } });
    const answer = encodeOutcome({ ok: false, error: throttled }, 'r');
    expect(answer.status).toBe(429);
    expect(answer.headers['Retry-After']).toBe('1');
    expect(JSON.parse(answer.body)).toMatchObject({ Reason: 'CallerRateLimitExceeded' });
  });
});
