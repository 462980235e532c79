/**
 * How we know what AWS does, on every expectation, fixture and message (docs/aws-behaviour.md):
 * - `docs`: the AWS documentation says so;
 * - `model`: the AWS service model (botocore / the SDK's Smithy model) says so;
 * - `recorded`: observed on real AWS, with the date it was recorded;
 * - `inferred`: reasoned from the others, not observed (a report marks such checks advisory).
 */
export type Evidence = 'docs' | 'model' | 'recorded' | 'inferred';
