/**
 * Reads the Pact core's verification result (the JSON of `pactffi_verifier_json`, which the
 * Verifier resolves or rejects with) into one result per interaction, in the order verified,
 * each failure with one line per mismatch.
 */
import { stripColour } from '../reporters/colour.js';

export interface InteractionResult {
  readonly description: string;
  readonly status: 'passed' | 'failed' | 'pending';
  readonly reasons: readonly string[];
}

interface Mismatch {
  readonly type?: string;
  readonly mismatch?: string;
  readonly message?: string;
  readonly path?: string;
  readonly key?: string;
}

interface CoreResult {
  readonly interactionResults: readonly { readonly description: string; readonly result: string }[];
  readonly errors?: readonly { readonly interaction: string; readonly mismatch: Mismatch & { readonly mismatches?: readonly Mismatch[] } }[];
  readonly pendingErrors?: readonly { readonly interaction: string }[];
}

const plain = (text: string) => stripColour(text).replace(/\s+/g, ' ').trim();

/**
 * One line for a mismatch the core reported.
 * @example mismatchLine({ type: 'StatusMismatch', mismatch: 'expected 200 but was 404' }) // 'status: expected 200 but was 404'
 */
export function mismatchLine(m: Mismatch): string {
  const text = plain(m.mismatch ?? m.message ?? JSON.stringify(m));
  switch (m.type) {
    case 'StatusMismatch':
      return `status: ${text}`;
    case 'HeaderMismatch':
      return `header ${m.key ?? ''}: ${text}`;
    case 'BodyMismatch':
      return `body ${m.path ?? '$'}: ${text}`;
    case 'BodyTypeMismatch':
      return `body: ${text}`;
    default:
      return text;
  }
}

const isCoreResult = (v: unknown): v is CoreResult => typeof v === 'object' && v !== null && Array.isArray((v as CoreResult).interactionResults);

export interface VerifierOutput {
  readonly interactions: InteractionResult[];
  /** Failures not of an interaction: a pact that could not be loaded (a broker out of reach). */
  readonly loadErrors: string[];
}

/**
 * Parses the core's output; undefined when it is not a verification result at all (the Verifier
 * refused its options).
 * @example parseVerifierOutput('{"interactionResults":[{"description":"a","result":"OK"}],"errors":[]}')
 * // { interactions: [{ description: 'a', status: 'passed', reasons: [] }], loadErrors: [] }
 */
export function parseVerifierOutput(text: string): VerifierOutput | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isCoreResult(parsed)) return undefined;
  const errors = parsed.errors ?? [];
  const pending = parsed.pendingErrors ?? [];
  const named = (label: string, description: string) => label === description || label.endsWith(` - ${description}`);
  const interactions = parsed.interactionResults.map(({ description, result }): InteractionResult => {
    if (result === 'OK') return { description, status: 'passed', reasons: [] };
    const reasons = errors.filter((e) => named(e.interaction, description)).flatMap((e) => (e.mismatch.mismatches ? e.mismatch.mismatches.map(mismatchLine) : [mismatchLine(e.mismatch)]));
    const isPending = pending.some((e) => named(e.interaction, description));
    return { description, status: isPending ? 'pending' : 'failed', reasons: reasons.length > 0 ? reasons : [`the core reports ${result}`] };
  });
  const loadErrors = errors.filter((e) => !parsed.interactionResults.some((r) => named(e.interaction, r.description))).map((e) => `${plain(e.interaction)}: ${mismatchLine(e.mismatch)}`);
  return { interactions, loadErrors };
}
