/**
 * The fuzzer's oracle: the reference model called directly (no SDK, no HTTP), its answer shaped as
 * the runner observes a target's (the output as the SDK parses it, the raw answer as the emulator
 * sends it), with the evidence of any error it raised. Cheap enough to run beside any target.
 */
import { randomUUID } from 'node:crypto';
import { systemContext, type Context } from '../../src/model/context.js';
import { Emulator } from '../../src/model/emulator.js';
import { encodeOutcome } from '../../src/http/codec.js';
import type { ModelCall } from './render.js';
import type { Identity, Observation } from '../targets/target.js';
import type { ReferenceVerdict } from './compare.js';

/** JSON as the SDK's rest-json parser hands it over: LastModified (epoch seconds) as a Date. */
const sdkShape = (body: string): Record<string, unknown> =>
  body === '' ? {} : (JSON.parse(body, (key, value) => (key === 'LastModified' && typeof value === 'number' ? new Date(Math.round(value * 1000)) : value)) as Record<string, unknown>);

/**
 * The reference model for one fuzz sequence.
 * @example new ModelOracle(identity).send({ operation: 'GetFunctionEventInvokeConfig', input: { FunctionName: 'f' } }).observation.status // 404
 */
export class ModelOracle {
  private readonly emulator = new Emulator();
  private readonly context: Context;

  constructor(identity: Identity) {
    this.context = systemContext({ account: identity.account, region: identity.region, partition: identity.partition });
  }

  /** Whether the model holds a function of this name (in the caller's account and region). */
  hasFunction(name: string): boolean {
    return this.emulator.world.region(this.context.account, this.context.region).functions.has(name);
  }

  /** Arms a fault for the model's next call, whatever the operation. */
  armFault(kind: 'throttle' | 'service' | 'conflict'): void {
    this.emulator.faults.add({ operation: '*', kind, times: 1, retryAfterSeconds: 0 });
  }

  /** `$LATEST`, the published versions and the aliases of a function, in the model. */
  qualifiers(name: string): string[] {
    const fn = this.emulator.world.region(this.context.account, this.context.region).functions.get(name);
    return fn ? ['$LATEST', ...fn.versions.keys(), ...fn.aliases.keys()] : [];
  }

  /** The qualifiers holding a config on this function, in the model. */
  configQualifiers(name: string): string[] {
    return [...(this.emulator.world.region(this.context.account, this.context.region).functions.get(name)?.configs.keys() ?? [])];
  }

  send(request: ModelCall): { observation: Observation; verdict: ReferenceVerdict } {
    // Members set to undefined are left out, as the SDK's serializer leaves them out.
    const input = Object.fromEntries(Object.entries(request.input).filter(([, v]) => v !== undefined));
    const outcome = this.emulator.invoke(request.operation, input, this.context);
    const answer = encodeOutcome(outcome, randomUUID());
    const wire = { status: answer.status, headers: Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v])), bodyText: answer.body };
    if (!outcome.ok) return { observation: { status: answer.status, error: { code: outcome.error.code, message: outcome.error.message }, wire }, verdict: { errorEvidence: outcome.error.evidence } };
    return { observation: { status: answer.status, output: sdkShape(answer.body), wire }, verdict: {} };
  }
}
