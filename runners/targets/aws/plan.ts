/** `--plan`: what a real-account run would create, where, at what cost; computed without writing. */
import type { Scenario } from '../../../cases/scenario.js';

export interface PlanInput {
  readonly account: string;
  readonly arn: string;
  readonly region: string;
  readonly runPrefix: string;
  readonly roleArn?: string;
  readonly runtime: string;
  readonly maxRps: number;
}

/**
 * The plan as lines of text.
 * @example planLines(scenarios, { account: '123456789012', arn: '...', region: 'us-east-1', runPrefix: 'eic-ab12cd', runtime: 'provided.al2023', maxRps: 10 })
 */
export function planLines(scenarios: readonly Scenario[], input: PlanInput): string[] {
  let functions = 0;
  let versions = 0;
  let aliases = 0;
  let configs = 0;
  for (const s of scenarios)
    for (const fn of s.given?.functions ?? []) {
      functions += 1;
      versions += fn.versions ?? 0;
      aliases += fn.aliases?.length ?? 0;
      configs += fn.configs?.length ?? 0;
    }
  const steps = scenarios.reduce((n, s) => n + s.steps.length, 0);
  return [
    `lambda-eic run --plan: nothing is created; this is what a run would do.`,
    `  account ${input.account} (credentials: ${input.arn}), region ${input.region}, run prefix ${input.runPrefix}`,
    input.roleArn ? `  execution role: ${input.roleArn} (yours; not changed)` : `  IAM role ${input.runPrefix}-role (trust policy for lambda.amazonaws.com, no permissions), deleted at the end`,
    `  destinations: SQS queues ${input.runPrefix}-queue and ${input.runPrefix}-queue-2, SNS topic ${input.runPrefix}-topic, S3 bucket ${input.runPrefix}-${input.account} (empty),`,
    `    EventBridge bus ${input.runPrefix}-bus${input.roleArn ? ' (your role must be allowed to deliver to them)' : ', and an inline policy on the role that lets it deliver to them'},`,
    `    SQS queue ${input.runPrefix}-queue-denied and SNS topic ${input.runPrefix}-topic-denied (outside the policy, for the permissions scenarios${input.roleArn ? ', skipped with --role-arn' : ''}); all deleted at the end`,
    `  1 probe function ${input.runPrefix}-probe, then ${functions} functions ${input.runPrefix}-<n> for ${scenarios.length} scenarios (runtime ${input.runtime}, a 22-byte zip, never invoked),`,
    `    each deleted right after its scenario: ${versions} versions, ${aliases} aliases, ${configs} event-invoke configs with them`,
    `  ${steps} judged requests; every resource tagged lambda-eic:run=${input.runPrefix} and lambda-eic:created=<time>`,
    `  pace: at most ${input.maxRps} Lambda requests per second (quota 15)`,
    `  cost: nothing is invoked, no message is sent, nothing is stored beyond the run: control-plane calls and empty queues, topics, buses and buckets are not charged`,
    `To run it: add --allow-account ${input.account} and drop --plan.`,
  ];
}
