/** The codec prints LastModified (epoch seconds) with three decimals, wherever a config appears. */
import { describe, expect, it } from 'vitest';
import { encodeOutcome } from '../../src/http/codec.js';

const body = (output: Record<string, unknown>) => encodeOutcome({ ok: true, status: 200, output }, 'id').body;

describe('LastModified on the wire', () => {
  it('always three decimals, the value unchanged', () => {
    expect(body({ LastModified: 1700000000.1, FunctionArn: 'a' })).toBe('{"LastModified":1700000000.100,"FunctionArn":"a"}');
    expect(body({ LastModified: 1700000000 })).toBe('{"LastModified":1700000000.000}');
    expect(body({ LastModified: 1573687896.493 })).toBe('{"LastModified":1573687896.493}');
    expect(body({ LastModified: 1573687896.49 })).toBe('{"LastModified":1573687896.490}');
    // Beyond 1e12 the shortest text and toFixed(3) may differ: toFixed decides.
    for (const value of [8796093022208.123, 4503599627370.497, -1.5, 1e21, 0.001]) expect(body({ LastModified: value })).toBe(`{"LastModified":${value.toFixed(3)}}`);
  });

  it('in every config of a list', () => {
    expect(body({ FunctionEventInvokeConfigs: [{ LastModified: 1.5 }, { LastModified: 2 }], NextMarker: 'm' })).toBe(
      '{"FunctionEventInvokeConfigs":[{"LastModified":1.500},{"LastModified":2.000}],"NextMarker":"m"}',
    );
  });

  it('leaves ISO dates, nulls and text that merely looks like the member alone', () => {
    const iso = { LastModified: '2026-11-30T10:00:00.000+0000', Description: '"LastModified":1' };
    expect(body(iso)).toBe(JSON.stringify(iso));
    expect(body({ LastModified: null })).toBe('{"LastModified":null}');
  });
});
