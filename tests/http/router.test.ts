/** src/http/router.ts, data in and data out: method and path to an operation and its labels. */
import { describe, expect, it } from 'vitest';
import { route } from '../../src/http/router.js';

const q = (s = '') => new URLSearchParams(s);
const EIC = '/2019-09-25/functions/my-function/event-invoke-config';

describe('route', () => {
  it.each([
    ['PUT', EIC, 'PutFunctionEventInvokeConfig'],
    ['POST', EIC, 'UpdateFunctionEventInvokeConfig'],
    ['GET', EIC, 'GetFunctionEventInvokeConfig'],
    ['DELETE', EIC, 'DeleteFunctionEventInvokeConfig'],
    ['GET', `${EIC}/list`, 'ListFunctionEventInvokeConfigs'],
    ['POST', '/2015-03-31/functions', 'CreateFunction'],
    ['GET', '/2015-03-31/functions/', 'ListFunctions'],
    ['POST', '/2015-03-31/functions/my-function/versions', 'PublishVersion'],
    ['GET', '/2015-03-31/functions/my-function/versions', 'ListVersionsByFunction'],
  ])('%s %s is %s', (method, path, operation) => {
    const match = route(method, path, q());
    expect(match).toMatchObject({ kind: 'operation', operation });
  });

  it('reads URI labels, percent-decoded (ARNs and qualifiers arrive encoded)', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:my-function:live';
    expect(route('GET', `/2019-09-25/functions/${encodeURIComponent(arn)}/event-invoke-config`, q())).toEqual({
      kind: 'operation',
      operation: 'GetFunctionEventInvokeConfig',
      labels: { FunctionName: arn },
    });
    expect(route('GET', '/2015-03-31/functions/f/aliases/live', q())).toEqual({ kind: 'operation', operation: 'GetAlias', labels: { FunctionName: 'f', Name: 'live' } });
  });

  it('keeps a label that is not valid percent-encoding as it came, never throwing', () => {
    expect(route('GET', '/2019-09-25/functions/%E0%A4%A/event-invoke-config', q())).toEqual({ kind: 'operation', operation: 'GetFunctionEventInvokeConfig', labels: { FunctionName: '%E0%A4%A' } });
  });

  it('names a Lambda operation the emulator does not implement, query discriminators included', () => {
    expect(route('POST', '/2015-03-31/functions/f/invocations', q())).toEqual({ kind: 'unsupported', operation: 'Invoke' });
    expect(route('GET', '/2019-09-30/functions/f/provisioned-concurrency', q('List=ALL'))).toEqual({ kind: 'unsupported', operation: 'ListProvisionedConcurrencyConfigs' });
    expect(route('GET', '/2018-10-31/layers', q('find=LayerVersion&Arn=x'))).toEqual({ kind: 'unsupported', operation: 'GetLayerVersionByArn' });
  });

  it('answers unknown for what is no Lambda route: another path, a wrong method, a missing segment', () => {
    expect(route('GET', '/', q())).toEqual({ kind: 'unknown' });
    expect(route('PATCH', EIC, q())).toEqual({ kind: 'unknown' });
    expect(route('GET', '/2019-09-25/functions/event-invoke-config', q())).toEqual({ kind: 'unknown' });
    expect(route('GET', `${EIC}/list/more`, q())).toEqual({ kind: 'unknown' });
  });
});
