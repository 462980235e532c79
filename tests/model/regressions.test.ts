/** Regressions for model and transport bugs found by the HTTP suites (see tests/http/malformed.test.ts). */
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../src/model/emulator.js';
import { unknownMembers } from '../../src/model/validate.js';
import { handleHttp } from '../../src/http/handler.js';
import { OPERATIONS } from '../../src/spec/operations.js';

describe('unknownMembers', () => {
  it('reports body keys that name Object.prototype members as unknown instead of crashing', () => {
    const input = OPERATIONS.PutFunctionEventInvokeConfig.input;
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) expect(unknownMembers(input, JSON.parse(`{"${key}": 1}`) as Record<string, unknown>), key).toEqual([key]);
    expect(unknownMembers(input, { DestinationConfig: { constructor: {} } })).toEqual(['DestinationConfig.constructor']);
    expect(unknownMembers(input, { MaximumRetryAttempts: 1, DestinationConfig: { OnSuccess: { Destination: 'x' } } })).toEqual([]);
  });
});

describe('handleHttp', () => {
  const defaults = { account: '123456789012', region: 'us-east-1' };
  it('routes an absolute-form request target by its path', () => {
    const answer = handleHttp(new Emulator(), defaults, {
      method: 'GET',
      url: 'http://127.0.0.1:4010/2019-09-25/functions/f/event-invoke-config?Qualifier=3',
      headers: {},
      body: Buffer.alloc(0),
    });
    expect([answer.status, answer.headers['x-amzn-ErrorType']]).toEqual([404, 'ResourceNotFoundException']);
    expect(JSON.parse(answer.body)).toEqual({ Type: 'User', Message: "The function arn:aws:lambda:us-east-1:123456789012:function:f:3 doesn't have an EventInvokeConfig" });
  });

  it('answers a body member named constructor with a 400, not a 500', () => {
    const answer = handleHttp(new Emulator(), defaults, {
      method: 'PUT',
      url: '/2019-09-25/functions/f/event-invoke-config',
      headers: {},
      body: Buffer.from('{"constructor": 1, "MaximumRetryAttempts": 1}'),
    });
    expect([answer.status, answer.headers['x-amzn-ErrorType']]).toEqual([400, 'InvalidRequestContentException']);
  });
});

describe('handleHttp with a request target URL cannot parse', () => {
  it('answers a JSON 404 UnknownOperationException instead of throwing', () => {
    const answer = handleHttp(new Emulator(), { account: '123456789012', region: 'us-east-1' }, { method: 'GET', url: 'http://[bad', headers: {}, body: Buffer.alloc(0) });
    expect([answer.status, answer.headers['x-amzn-ErrorType']]).toEqual([404, 'UnknownOperationException']);
    expect(JSON.parse(answer.body).message).toContain('http://[bad');
  });
});
