/**
 * The committed form of a pact file: interactions sorted by description, and the metadata cut to
 * the specification version, so regenerating on another machine or after a Pact upgrade changes
 * nothing unless the fixtures changed. (Pact writes its own and its core's versions there.)
 */

interface PactJson {
  consumer: unknown;
  provider: unknown;
  interactions: { description: string }[];
  metadata?: { pactSpecification?: unknown };
}

/**
 * Normalises a pact file's text.
 * @example stablePact('{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[],"metadata":{"pactRust":{"ffi":"0.5.4"},"pactSpecification":{"version":"4.0"}}}')
 * // '{\n  "consumer": ...,\n  "metadata": {\n    "pactSpecification": {\n      "version": "4.0"\n    }\n  }\n}\n'
 */
export function stablePact(text: string): string {
  const pact = JSON.parse(text) as PactJson;
  const descriptions = pact.interactions.map((i) => i.description);
  const twice = descriptions.filter((d, i) => descriptions.indexOf(d) !== i);
  if (twice.length > 0) throw new Error(`interaction descriptions must be unique: ${twice.join(', ')}`);
  const interactions = [...pact.interactions].sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  const stable = {
    consumer: pact.consumer,
    interactions,
    metadata: { pactSpecification: pact.metadata?.pactSpecification ?? { version: '4.0' } },
    provider: pact.provider,
  };
  return `${JSON.stringify(stable, null, 2)}\n`;
}
