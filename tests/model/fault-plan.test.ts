/** FaultPlan: the injectable faults of aws-behaviour.md section 7, shared by the control API and the mocks. */
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/model/aws-error.js';
import { FaultPlan } from '../../src/model/faults.js';

describe('FaultPlan', () => {
  it('arms a fault with defaults: once, Retry-After 1 s, Reason CallerRateLimitExceeded; ids count up', () => {
    const plan = new FaultPlan();
    const a = plan.add({ operation: 'GetFunctionEventInvokeConfig', kind: 'throttle' });
    const b = plan.add({ operation: '*', kind: 'service', times: 2 });
    expect(a).toMatchObject({ operation: 'GetFunctionEventInvokeConfig', kind: 'throttle', times: 1, remaining: 1, retryAfterSeconds: 1, reason: 'CallerRateLimitExceeded' });
    expect(b.id).toBe(a.id + 1);
  });

  it('take answers only the matching operation and spends one use each time', () => {
    const plan = new FaultPlan();
    plan.add({ operation: 'PutFunctionEventInvokeConfig', kind: 'conflict', times: 2 });
    expect(plan.take('GetFunctionEventInvokeConfig')).toBeUndefined();
    expect(plan.take('PutFunctionEventInvokeConfig')?.status).toBe(409);
    expect(plan.list()[0]?.remaining).toBe(1);
    expect(plan.take('PutFunctionEventInvokeConfig')?.status).toBe(409);
    expect(plan.list()).toEqual([]);
    expect(plan.take('PutFunctionEventInvokeConfig')).toBeUndefined();
  });

  it("'*' matches every operation; the first armed matching fault answers", () => {
    const plan = new FaultPlan();
    plan.add({ operation: 'ListFunctionEventInvokeConfigs', kind: 'service' });
    plan.add({ operation: '*', kind: 'throttle', times: 2 });
    expect(plan.take('ListFunctionEventInvokeConfigs')?.code).toBe('ServiceException');
    expect(plan.take('ListFunctionEventInvokeConfigs')?.code).toBe('TooManyRequestsException');
    expect(plan.take('CreateFunction')?.code).toBe('TooManyRequestsException');
    expect(plan.take('CreateFunction')).toBeUndefined();
  });

  it('[model] §7 a throttle is a 429 TooManyRequestsException with Reason in the body and Retry-After in the headers', () => {
    const plan = new FaultPlan();
    plan.add({ operation: '*', kind: 'throttle', retryAfterSeconds: 4, reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
    const error = plan.take('GetFunctionEventInvokeConfig')!;
    expect(error).toBeInstanceOf(AwsError);
    expect([error.status, error.code, error.fault]).toEqual([429, 'TooManyRequestsException', 'client']);
    expect(error.headers).toEqual({ 'Retry-After': '4' });
    expect(error.body()).toEqual({ Type: 'User', message: error.message, Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
  });

  it('[inferred] §7 service is a 500 ServiceException {Type: Service, Message}; conflict a 409 with the documented text', () => {
    const plan = new FaultPlan();
    plan.add({ operation: '*', kind: 'service' });
    plan.add({ operation: '*', kind: 'conflict' });
    const service = plan.take('x')!;
    expect([service.status, service.fault]).toEqual([500, 'server']);
    expect(Object.keys(service.body())).toEqual(['Type', 'Message']);
    expect(service.body().Type).toBe('Service');
    const conflict = plan.take('x')!;
    expect(conflict.body()).toEqual({ Type: 'User', message: 'The resource already exists, or another operation is in progress.' });
  });

  it('a caller-chosen message replaces the catalogue text', () => {
    const plan = new FaultPlan();
    plan.add({ operation: '*', kind: 'service', message: 'disk on fire' });
    expect(plan.take('x')?.message).toBe('disk on fire');
  });

  it('list returns copies; clear disarms everything', () => {
    const plan = new FaultPlan();
    plan.add({ operation: '*', kind: 'service', times: 3 });
    const listed = plan.list();
    (listed[0] as { remaining: number }).remaining = 0;
    expect(plan.list()[0]?.remaining).toBe(3);
    plan.clear();
    expect(plan.list()).toEqual([]);
    expect(plan.take('x')).toBeUndefined();
  });

  it('refuses an unknown kind and times that are not whole numbers of at least 1', () => {
    const plan = new FaultPlan();
    expect(() => plan.add({ operation: '*', kind: 'explode' as never })).toThrow(TypeError);
    expect(() => plan.add({ operation: '*', kind: 'service', times: 0 })).toThrow(TypeError);
    expect(() => plan.add({ operation: '*', kind: 'service', times: 1.5 })).toThrow(TypeError);
    expect(plan.list()).toEqual([]);
  });
});
