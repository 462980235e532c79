/**
 * The scaling cases: costs that must stay flat as the state grows. Each measures one thing in
 * the model (no transport), so the figure is the model's own cost.
 */
import { createModelCore } from '../../src/adapters/handle.js';
import { fixedContext, type Context } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import type { OperationName } from '../../src/spec/operations.js';

const ROLE = 'arn:aws:iam::123456789012:role/bench';
const zip = (comment: string): Uint8Array => {
  const text = Buffer.from(comment, 'utf8');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(text.length, 20);
  return new Uint8Array(Buffer.concat([eocd, text]));
};

function must(emulator: Emulator, ctx: Context, operation: OperationName, input: Record<string, unknown>): Record<string, unknown> {
  const outcome = emulator.invoke(operation, input, ctx);
  if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.output ?? {};
}

/** Follows NextMarker to the end; returns how many items came back and how many pages. */
function walk(emulator: Emulator, ctx: Context, operation: OperationName, input: Record<string, unknown>, member: string): { items: number; pages: number } {
  let marker: string | undefined;
  let items = 0;
  let pages = 0;
  do {
    const page = must(emulator, ctx, operation, { ...input, ...(marker ? { Marker: marker } : {}) });
    items += (page[member] as unknown[]).length;
    pages += 1;
    marker = page.NextMarker as string | undefined;
  } while (marker !== undefined);
  return { items, pages };
}

const CODE = (i: number) => ({ Role: ROLE, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: zip(String(i)) } });

/**
 * An emulator holding `count` functions, and one more function holding `configs` configs
 * (one per published version).
 * @example const { emulator, ctx } = seededEmulator(10_000, 0);
 */
export function seededEmulator(count: number, configs: number): { emulator: Emulator; ctx: Context } {
  const emulator = new Emulator();
  const ctx = fixedContext(1_700_000_000_000);
  const shared = zip('');
  for (let i = 0; i < count; i++) must(emulator, ctx, 'CreateFunction', { ...CODE(0), Code: { ZipFile: shared }, FunctionName: `fn-${String(i).padStart(6, '0')}` });
  if (configs > 0) {
    must(emulator, ctx, 'CreateFunction', { ...CODE(0), FunctionName: 'many' });
    for (let v = 1; v < configs; v++) {
      must(emulator, ctx, 'UpdateFunctionCode', { FunctionName: 'many', ZipFile: zip(`v${v}`), Publish: true });
      must(emulator, ctx, 'PutFunctionEventInvokeConfig', { FunctionName: 'many', Qualifier: String(v), MaximumRetryAttempts: v % 3 });
    }
    must(emulator, ctx, 'PutFunctionEventInvokeConfig', { FunctionName: 'many', MaximumRetryAttempts: 0 });
  }
  return { emulator, ctx };
}

/**
 * Milliseconds to walk every function with ListFunctions in pages of 50.
 * @example listFunctionsWalk(seededEmulator(10_000, 0)) // { ms: 40, pages: 200 }
 */
export function listFunctionsWalk({ emulator, ctx }: { emulator: Emulator; ctx: Context }): { ms: number; pages: number; items: number } {
  const started = performance.now();
  const { items, pages } = walk(emulator, ctx, 'ListFunctions', {}, 'Functions');
  return { ms: performance.now() - started, pages, items };
}

/**
 * Milliseconds to walk one function's configs with ListFunctionEventInvokeConfigs in pages of 50.
 * @example listConfigsWalk(seededEmulator(0, 10_000)) // { ms: 5, pages: 200 }
 */
export function listConfigsWalk({ emulator, ctx }: { emulator: Emulator; ctx: Context }): { ms: number; pages: number; items: number } {
  const started = performance.now();
  const { items, pages } = walk(emulator, ctx, 'ListFunctionEventInvokeConfigs', { FunctionName: 'many' }, 'FunctionEventInvokeConfigs');
  return { ms: performance.now() - started, pages, items };
}

/**
 * Microseconds per mock `seedConfig` call with `functions` functions already seeded.
 * @example seedConfigCost(4_000, 500) // 8.1
 */
export function seedConfigCost(functions: number, calls: number): number {
  const mock = createModelCore({ now: () => 1_700_000_000_000, newId: () => 'id' });
  for (let i = 0; i < functions; i++) mock.seedFunction(`fn-${i}`);
  mock.seedFunction('target');
  for (let i = 0; i < 50; i++) mock.seedConfig('target', { MaximumRetryAttempts: i % 3 });
  const started = performance.now();
  for (let i = 0; i < calls; i++) mock.seedConfig('target', { MaximumRetryAttempts: i % 3 });
  return ((performance.now() - started) * 1000) / calls;
}

/**
 * Microseconds for one ListFunctions page of 50 starting in the middle of the list, averaged over
 * `calls` calls: the cost a page must keep whatever the total.
 * @example listFunctionsPageCost(seededEmulator(10_000, 0), 200) // 250
 */
export function listFunctionsPageCost({ emulator, ctx }: { emulator: Emulator; ctx: Context }, calls: number): number {
  const total = emulator.world.all().reduce((n, r) => n + r.functions.size, 0);
  const Marker = Buffer.from(`idx:${Math.max(0, Math.floor(total / 2) - 25)}`).toString('base64url');
  const started = performance.now();
  for (let i = 0; i < calls; i++) must(emulator, ctx, 'ListFunctions', { Marker });
  return ((performance.now() - started) * 1000) / calls;
}
