/**
 * Quirks are applied around the model (src/quirks/layer.ts), never inside it: the model knows no
 * quirk, quirks match on error codes (never on message text), and no quirk or combination of quirks
 * makes the emulator answer a 5xx of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../src/model/emulator.js';
import { systemContext } from '../../src/model/context.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import { QUIRK_NAMES, type QuirkName } from '../../src/quirks/catalogue.js';
import { QuirkLayer, quirkyEmulator } from '../../src/quirks/layer.js';
import { arrange } from '../support/arrange.js';
import { useServer } from '../support/server.js';

const ROLE = 'arn:aws:iam::123456789012:role/lambda-eic-test';
const ctx = systemContext();

/** An emulator holding function `f` with two versions, an alias and three configs. */
function seeded(emulator: Emulator): Emulator {
  const call = (op: Parameters<Emulator['invoke']>[0], input: Record<string, unknown>) => {
    const outcome = emulator.invoke(op, input, ctx);
    if (!outcome.ok) throw new Error(`${op}: ${outcome.error.code} ${outcome.error.message}`);
  };
  call('CreateFunction', { FunctionName: 'f', Role: ROLE, Runtime: 'provided.al2023', Handler: 'index.handler', Code: { ZipFile: deploymentPackage(0) } });
  call('PublishVersion', { FunctionName: 'f' });
  call('UpdateFunctionCode', { FunctionName: 'f', ZipFile: deploymentPackage(1) });
  call('PublishVersion', { FunctionName: 'f' });
  call('CreateAlias', { FunctionName: 'f', Name: 'live', FunctionVersion: '1' });
  for (const Qualifier of [undefined, '1', 'live']) call('PutFunctionEventInvokeConfig', { FunctionName: 'f', ...(Qualifier ? { Qualifier } : {}), MaximumRetryAttempts: 1 });
  return emulator;
}

const LISTS = ['ListFunctionEventInvokeConfigs', 'ListVersionsByFunction', 'ListAliases', 'ListFunctions'] as const;
const MAX_ITEMS = [0, -1, 0.5, 1, 2, 51, 10_001];

describe('the model', () => {
  it('imports nothing from the quirks layer', () => {
    const dir = 'src/model';
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/from '\.\.\/quirks\//);
  });

  it('answers as before without a wrapper, and the same call through an empty QuirkLayer', () => {
    const plain = seeded(new Emulator()).invoke('ListFunctionEventInvokeConfigs', { FunctionName: 'f' }, ctx);
    const wrapped = seeded(new Emulator({ wrapper: new QuirkLayer() })).invoke('ListFunctionEventInvokeConfigs', { FunctionName: 'f' }, ctx);
    const arns = (outcome: typeof plain) => (outcome.ok ? ((outcome.output?.FunctionEventInvokeConfigs ?? []) as Array<{ FunctionArn: string }>).map((c) => c.FunctionArn) : outcome.error.code);
    expect(arns(plain)).toHaveLength(3);
    expect(arns(wrapped)).toEqual(arns(plain));
  });
});

describe('no quirk makes the emulator answer a 5xx', () => {
  it.each(QUIRK_NAMES)('%s: every list, with any MaxItems, answers without a 5xx, and paging ends', (quirk) => {
    const emulator = seeded(quirkyEmulator([quirk]));
    for (const op of LISTS)
      for (const MaxItems of MAX_ITEMS) {
        let Marker: string | undefined;
        for (let page = 0; ; page++) {
          const outcome = emulator.invoke(op, { FunctionName: 'f', MaxItems, ...(Marker ? { Marker } : {}) }, ctx);
          if (!outcome.ok) {
            expect(outcome.error.status, `${op} MaxItems ${MaxItems}: ${outcome.error.code} ${outcome.error.message}`).toBeLessThan(500);
            break;
          }
          Marker = outcome.output?.NextMarker as string | undefined;
          if (Marker === undefined || (quirk === 'list-pages-overlap' && page >= 20)) break; // its bug: pages of 1 repeat
          expect(page, `${op} MaxItems ${MaxItems}: paging must end`).toBeLessThan(20);
        }
      }
  });

  it('iso-last-modified with no-range-checks: List with MaxItems 0 is an empty page, not a 500', () => {
    for (const quirks of [
      ['iso-last-modified', 'no-range-checks'],
      ['no-range-checks', 'iso-last-modified'],
    ] as QuirkName[][]) {
      const outcome = seeded(quirkyEmulator(quirks)).invoke('ListFunctionEventInvokeConfigs', { FunctionName: 'f', MaxItems: 0 }, ctx);
      expect(outcome).toEqual({ ok: true, status: 200, output: { FunctionEventInvokeConfigs: [] } });
    }
  });
});

describe('the embedded emulator with --quirk iso-last-modified,no-range-checks', () => {
  const srv = useServer({ emulator: quirkyEmulator(['iso-last-modified', 'no-range-checks']) });

  it('answers List with MaxItems 0 or -1 without a 5xx, with ISO dates, over HTTP', async () => {
    const lambda = srv.client();
    await arrange(lambda, 'f', { versions: 1 });
    // Stored; the SDK cannot read the ISO LastModified of the answer (the quirk's point).
    await expect(lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'f', MaximumRetryAttempts: 1 }))).rejects.toThrow(/real number|NaN/);
    for (const max of ['0', '-1', '1', '51']) {
      const res = await fetch(`${srv.url}/2019-09-25/functions/f/event-invoke-config/list?MaxItems=${max}`);
      const body = (await res.json()) as { FunctionEventInvokeConfigs?: Array<{ LastModified: unknown }> };
      expect(res.status, `MaxItems ${max}: ${JSON.stringify(body)}`).toBe(200);
      for (const config of body.FunctionEventInvokeConfigs ?? []) expect(config.LastModified).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });
});

describe('quirks match on error codes, never on message text', () => {
  it('update-creates still creates when an outer quirk rewords the 404', () => {
    for (const quirks of [
      ['update-creates', 'reworded-messages'],
      ['reworded-messages', 'update-creates'],
    ] as QuirkName[][]) {
      const emulator = quirkyEmulator(quirks);
      emulator.invoke('CreateFunction', { FunctionName: 'g', Role: ROLE, Runtime: 'provided.al2023', Handler: 'index.handler', Code: { ZipFile: deploymentPackage(0) } }, ctx);
      const updated = emulator.invoke('UpdateFunctionEventInvokeConfig', { FunctionName: 'g', MaximumRetryAttempts: 0 }, ctx);
      expect(updated.ok, quirks.join(',')).toBe(true);
      // A missing function still answers Update's own 404 (Put answers the same one and stores nothing).
      const missing = emulator.invoke('UpdateFunctionEventInvokeConfig', { FunctionName: 'nope', MaximumRetryAttempts: 0 }, ctx);
      expect(missing.ok ? 200 : missing.error.code).toBe('ResourceNotFoundException');
      expect(emulator.invoke('GetFunctionEventInvokeConfig', { FunctionName: 'nope' }, ctx).ok).toBe(false);
    }
  });

  it('no quirk reads an error message to decide what to do', () => {
    for (const file of readdirSync('src/quirks')) {
      const source = readFileSync(join('src/quirks', file), 'utf8');
      expect(source, file).not.toMatch(/\.message\.(includes|startsWith|endsWith|match)|\.message\s*===|test\([^)]*\.message/);
    }
  });

  it('a QuirkLayer can be switched on and off between calls', () => {
    const quirks = new QuirkLayer();
    const emulator = new Emulator({ wrapper: quirks });
    const del = () => emulator.invoke('DeleteFunctionEventInvokeConfig', { FunctionName: 'missing' }, ctx);
    expect(del().ok).toBe(false);
    quirks.names.add('delete-missing-204');
    expect(del()).toEqual({ ok: true, status: 204, output: undefined });
    quirks.names.clear();
    expect(del().ok).toBe(false);
  });
});

describe('the package entry point', () => {
  it('offers the quirks to users: quirkyEmulator behaves as the named quirk says, the plain Emulator does not', async () => {
    const pkg = await import('../../src/index.js');
    expect(pkg.QUIRK_NAMES).toEqual(QUIRK_NAMES);
    const put = (emulator: Emulator) => {
      seeded(emulator);
      const outcome = emulator.invoke('PutFunctionEventInvokeConfig', { FunctionName: 'f', MaximumRetryAttempts: 1 }, ctx);
      return outcome.ok ? (outcome.output as { FunctionArn?: string }).FunctionArn : outcome.error.code;
    };
    expect(put(new pkg.Emulator())).toMatch(/:function:f:\$LATEST$/);
    expect(put(pkg.quirkyEmulator(['unqualified-function-arn']))).toMatch(/:function:f$/);
    expect(put(new pkg.Emulator({ wrapper: new pkg.QuirkLayer(['unqualified-function-arn']) }))).toMatch(/:function:f$/);
  });
});
