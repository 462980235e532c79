/** Reads the Pact core's verification JSON (pactffi_verifier_json) into one result per interaction. */

export interface InteractionResult {
  readonly description: string;
  readonly status: 'passed' | 'failed' | 'pending';
  readonly reasons: readonly string[];
}

/**
 * Parses the core's output; undefined when it is not a verification result (the core's own error).
 */
export function parseVerifierOutput(text: string): InteractionResult[] | undefined {
  console.log('RAW', text);
  return undefined;
}
