/**
 * The quirks switched on, applied around the model: each call passes through every quirk's
 * `around` (the last named outermost) before it reaches the model, and each HTTP answer through
 * every quirk's `wire`. The model never sees a quirk, only the calls and waivers they make.
 */
import { Emulator, type InvokeLayer } from '../model/emulator.js';
import type { Context } from '../model/context.js';
import type { Core, HttpAnswer, ModelWrapper, Outcome } from '../model/outcome.js';
import type { OperationName } from '../spec/operations.js';
import { QUIRKS, type QuirkName } from './catalogue.js';
import type { Quirk } from './quirk.js';

/**
 * A set of quirks as one layer around the model. `names` may change between calls.
 * @example
 * const quirks = new QuirkLayer(['update-replaces']);
 * const emulator = new Emulator({ wrapper: quirks });
 * quirks.names.add('html-errors');
 */
export class QuirkLayer implements ModelWrapper {
  /** The quirks switched on. */
  readonly names: Set<QuirkName>;

  constructor(names: Iterable<QuirkName> = []) {
    this.names = new Set(names);
  }

  /** Runs one call through the quirks' `around`s, then the model (`core`). */
  around(operation: OperationName, input: Readonly<Record<string, unknown>>, ctx: Context, core: Core): Outcome {
    let call: Core = core;
    for (const name of this.names) {
      const quirk: Quirk = QUIRKS[name];
      const inner = call;
      // A waiver the outer quirk passed on holds for the inner quirks' calls too.
      if (quirk.around) call = (op, inp, c, options) => quirk.around!(op, inp, c, (op2, inp2, c2, o2) => inner(op2, inp2, c2, o2 ?? options));
    }
    return call(operation, input, ctx);
  }

  /** Rewrites an HTTP answer for the wire-level quirks switched on. */
  wire(answer: HttpAnswer, operation?: OperationName): HttpAnswer {
    let out = answer;
    for (const name of this.names) {
      const quirk: Quirk = QUIRKS[name];
      if (quirk.wire) out = quirk.wire(out, operation);
    }
    return out;
  }
}

/**
 * An emulator with these quirks switched on (and, optionally, a layer outside them).
 * @example const emulator = quirkyEmulator(['update-replaces']);
 */
export function quirkyEmulator(names: Iterable<QuirkName>, options: { layer?: InvokeLayer } = {}): Emulator {
  return new Emulator({ ...options, wrapper: new QuirkLayer(names) });
}
