/**
 * aws-behaviour.md section 2, "Error bodies on the wire", and the wire facts of sections 1 and 6
 * (Delete's empty 204, LastModified's number form), checked with raw `fetch`.
 */
import { GetFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { arrange } from '../../support/arrange.js';
import { expectAwsError } from '../../support/client.js';
import { useServer } from '../../support/server.js';
import { MSG, fnArn } from '../../support/spec-text.js';
import { eicPath, raw, type RawAnswer } from '../../support/wire.js';

const srv = useServer();
const REGION = 'us-east-1';
const FN = 'my-function';
const ARN = fnArn(REGION, FN);

/** One answer of each kind the emulator gives: successes, modelled errors, refusals. */
async function answersOfEveryKind(): Promise<Record<string, RawAnswer>> {
  await arrange(srv.client(), FN);
  const faults = srv.server.emulator.faults;
  const out: Record<string, RawAnswer> = {};
  out.put200 = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumRetryAttempts: 1 } });
  out.update200 = await raw(srv.url, 'POST', eicPath(FN), { body: { MaximumRetryAttempts: 0 } });
  out.get200 = await raw(srv.url, 'GET', eicPath(FN));
  out.list200 = await raw(srv.url, 'GET', eicPath(FN, '/list'));
  out.delete204 = await raw(srv.url, 'DELETE', eicPath(FN));
  out.notFound404 = await raw(srv.url, 'GET', eicPath(FN));
  out.invalid400 = await raw(srv.url, 'PUT', eicPath(FN), { body: {} });
  out.validation400 = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumRetryAttempts: 9 } });
  faults.add({ operation: 'GetFunctionEventInvokeConfig', kind: 'throttle', retryAfterSeconds: 3 });
  out.throttle429 = await raw(srv.url, 'GET', eicPath(FN));
  faults.add({ operation: 'PutFunctionEventInvokeConfig', kind: 'conflict' });
  out.conflict409 = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumRetryAttempts: 1 } });
  faults.add({ operation: 'ListFunctionEventInvokeConfigs', kind: 'service' });
  out.service500 = await raw(srv.url, 'GET', eicPath(FN, '/list'));
  out.unknownRoute = await raw(srv.url, 'GET', '/2019-09-25/nothing-here');
  out.unsupported = await raw(srv.url, 'GET', `/2015-03-31/functions/${FN}/configuration`);
  return out;
}

describe('§2 error bodies on the wire', () => {
  it('[recorded] §2 x-amzn-RequestId is on every answer (200, 204, 400, 404, 409, 429, 500, unknown routes), one per request', async () => {
    const answers = await answersOfEveryKind();
    const ids = Object.entries(answers).map(([kind, a]) => {
      const id = a.headers.get('x-amzn-RequestId');
      expect(id, kind).toMatch(/^[0-9a-f-]{36}$/);
      return id;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('[recorded] §2 every error has the x-amzn-errortype header naming its code and a JSON body', async () => {
    const answers = await answersOfEveryKind();
    const expected: Record<string, [number, string]> = {
      notFound404: [404, 'ResourceNotFoundException'],
      invalid400: [400, 'InvalidParameterValueException'],
      validation400: [400, 'ValidationException'],
      throttle429: [429, 'TooManyRequestsException'],
      conflict409: [409, 'ResourceConflictException'],
      service500: [500, 'ServiceException'],
    };
    for (const [kind, [status, code]] of Object.entries(expected)) {
      const a = answers[kind]!;
      expect([a.status, a.headers.get('x-amzn-errortype')], kind).toEqual([status, code]);
      expect(a.headers.get('content-type'), kind).toMatch(/^application\/json/);
      expect(typeof a.json, kind).toBe('object');
    }
    for (const kind of ['put200', 'get200', 'list200', 'delete204']) expect(answers[kind]!.headers.has('x-amzn-errortype'), kind).toBe(false);
  });

  it('[recorded] §2 ResourceNotFoundException body is {"Type": "User", "Message": "..."} (capital M)', async () => {
    const a = await raw(srv.url, 'GET', eicPath(FN, '?Qualifier=1221'));
    expect(a.status).toBe(404);
    expect(a.json).toEqual({ Type: 'User', Message: MSG.noConfig(`${ARN}:1221`) });
    const listMissing = await raw(srv.url, 'GET', eicPath(FN, '/list'));
    expect(listMissing.json).toEqual({ Type: 'User', Message: MSG.functionDoesNotExist });
    // The SDK reads the capital-M member as the error message.
    await expectAwsError(srv.client().send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: '1221' })), {
      status: 404,
      name: 'ResourceNotFoundException',
      message: MSG.noConfig(`${ARN}:1221`),
    });
  });

  it('[model] §2 ServiceException has the members Type and Message', async () => {
    srv.server.emulator.faults.add({ operation: '*', kind: 'service' });
    const a = await raw(srv.url, 'GET', eicPath(FN));
    expect(a.status).toBe(500);
    expect(Object.keys(a.json as object).sort()).toEqual(['Message', 'Type']);
    expect(typeof (a.json as { Message: unknown }).Message).toBe('string');
  });

  it('[inferred] §2 ServiceException has "Type": "Service"', async () => {
    srv.server.emulator.faults.add({ operation: '*', kind: 'service' });
    const a = await raw(srv.url, 'GET', eicPath(FN));
    expect((a.json as { Type: string }).Type).toBe('Service');
  });

  it('[recorded] §2 InvalidParameterValueException body is {"Type": "User", "message": "..."} (lower-case m)', async () => {
    const a = await raw(srv.url, 'PUT', eicPath(FN), { body: {} });
    expect(a.status).toBe(400);
    expect(a.json).toEqual({ Type: 'User', message: MSG.atLeastOne });
    const conflict = await raw(srv.url, 'GET', eicPath(`${FN}:1`, '?Qualifier=2'));
    expect(conflict.json).toEqual({ Type: 'User', message: MSG.qualifierMismatch });
  });

  it('[model] §2 ResourceConflictException and TooManyRequestsException bodies have "Type": "User" and lower-case "message"', async () => {
    const answers = await answersOfEveryKind();
    expect(answers.conflict409!.json).toEqual({ Type: 'User', message: MSG.conflict });
    const throttle = answers.throttle429!.json as Record<string, unknown>;
    expect(throttle.Type).toBe('User');
    expect(typeof throttle.message).toBe('string');
    expect(throttle).not.toHaveProperty('Message');
  });

  it('[model] §2 TooManyRequestsException has Reason (CallerRateLimitExceeded by default) and the Retry-After header in seconds', async () => {
    const answers = await answersOfEveryKind();
    const a = answers.throttle429!;
    expect(a.headers.get('retry-after')).toBe('3');
    expect((a.json as Record<string, unknown>).Reason).toBe('CallerRateLimitExceeded');
  });

  it('[recorded] §2 ValidationException is a JSON body with the message and no Type member', async () => {
    const a = await raw(srv.url, 'PUT', eicPath(FN), { body: { MaximumEventAgeInSeconds: 59 } });
    expect(a.status).toBe(400);
    expect(a.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(a.json).not.toHaveProperty('Type');
    expect(JSON.stringify(a.json)).toContain("1 validation error detected: Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60");
  });

  it('[inferred] §2 ValidationException body is {"message": "..."}', async () => {
    const a = await raw(srv.url, 'GET', eicPath(FN, '/list?MaxItems=51'));
    expect(a.json).toEqual({
      message: "1 validation error detected: Value '51' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 50",
    });
  });

  it('[docs] §6 LastModified is a JSON number with a fraction on the wire, never an ISO string', async () => {
    const answers = await answersOfEveryKind();
    for (const kind of ['put200', 'update200', 'get200', 'list200']) {
      const text = answers[kind]!.text;
      expect(text, kind).toMatch(/"LastModified":\d{10}\.\d{1,3}[,}]/);
      expect(text, kind).not.toMatch(/"LastModified":"/);
    }
    const seconds = (answers.get200!.json as { LastModified: number }).LastModified;
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(60);
  });

  it('[model] §1 Delete answers 204 with an empty body', async () => {
    const answers = await answersOfEveryKind();
    const a = answers.delete204!;
    expect(a.status).toBe(204);
    expect(a.text).toBe('');
    expect(a.headers.has('x-amzn-errortype')).toBe(false);
  });
});
