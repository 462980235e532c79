/** `lambda-eic cleanup`: find and delete what real-account runs left behind, by tag and prefix. */
import { randomBytes } from 'node:crypto';
import { awsTarget } from '../targets/aws/aws-target.js';
import { CREATED_TAG, RUN_PREFIX, RUN_TAG, deleteLeftovers, findLeftovers } from '../targets/aws/leftovers.js';
import { defineCommand, type OptionTable, matching, runSpec, type Values } from './model.js';
import { UsageError, durationOption } from './usage.js';

const CLEANUP_OPTIONS = {
  target: { type: 'string', value: 'aws', description: 'the only target with leftovers' },
  'allow-account': { type: 'string', value: 'ID', description: 'the only account this may delete in (checked with STS GetCallerIdentity first)', check: matching(/^\d{12}$/, 'a 12-digit account id') },
  'older-than': {
    type: 'string',
    value: 'T',
    description: 'only what was created longer ago than T (90s, 30m, 1h, 2d; 0s: everything; pick more than your longest run while runs may be going on)',
    default: '0s',
    check: (v: string, flag: string) => void durationOption(flag, v),
  },
  plan: { type: 'boolean', description: 'list what would be deleted, delete nothing (needs no --allow-account)' },
  region: { type: 'string', value: 'R', description: 'region', default: "the SDK's chain, AWS_REGION or the profile's region" },
  profile: { type: 'string', value: 'NAME', description: 'the shared-config profile to use' },
} as const satisfies OptionTable;

export const CLEANUP = defineCommand({
  name: 'cleanup',
  description: `Finds what lambda-eic runs left in an account (a run killed outright cannot tear down): Lambda
functions, IAM roles, SQS queues, SNS topics, S3 buckets and EventBridge buses whose name starts with ${RUN_PREFIX}
and that carry the ${RUN_TAG} tag, created (tag ${CREATED_TAG}) longer ago than --older-than, in the
region of the run. Deletes them.`,
  options: CLEANUP_OPTIONS,
  notes: 'Exit codes: 0 nothing left; 1 something could not be deleted; 2 usage error or account refused.',
  run: (values) => cleanupWith(values),
});

/** Runs `lambda-eic cleanup`. */
export const cleanupCommand = (argv: string[]): Promise<number> => runSpec(CLEANUP, argv);

async function cleanupWith(opts: Values<typeof CLEANUP_OPTIONS>): Promise<number> {
  if (opts.target !== 'aws') throw new UsageError(`--target aws is required (cleanup has nothing to do on ${opts.target ?? 'the embedded target'})`);
  const allowAccount = opts['allow-account'];
  if (allowAccount !== undefined && !/^\d{12}$/.test(allowAccount)) throw new UsageError(`--allow-account must be a 12-digit account id, not '${allowAccount}'`);
  if (!opts.plan && allowAccount === undefined) throw new UsageError('--allow-account ID is required to delete anything (or --plan to list)');
  const olderThan = durationOption('--older-than', opts['older-than']) ?? 0;
  const target = awsTarget({
    runPrefix: `eic-cleanup-${randomBytes(3).toString('hex')}`,
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  try {
    const who = await target.whoAmI();
    if (!opts.plan && who.account !== allowAccount) {
      console.error(`lambda-eic cleanup: refusing: the credentials are for account ${who.account} (${who.arn}), but --allow-account says ${allowAccount}; nothing was deleted`);
      return 2;
    }
    const leftovers = await findLeftovers(target, Date.now() - olderThan);
    console.log(`lambda-eic cleanup: ${leftovers.length} leftovers in account ${who.account}, region ${who.region}${olderThan ? ` (older than ${opts['older-than']})` : ''}`);
    for (const l of leftovers) console.log(`  ${l.kind.padEnd(9)} ${l.name.padEnd(40)} run ${l.run}, created ${l.createdAt ?? 'unknown'}`);
    if (opts.plan || leftovers.length === 0) return 0;
    const failed = await deleteLeftovers(target, leftovers);
    for (const f of failed) console.error(`  could not delete ${f.kind} ${f.name}: ${f.error}`);
    console.log(`deleted ${leftovers.length - failed.length} of ${leftovers.length}`);
    return failed.length > 0 ? 1 : 0;
  } catch (error) {
    // Unreachable services and refused calls end in one line, never a stack trace.
    console.error(`lambda-eic cleanup: ${(error as Error).message.split('\n')[0]}`);
    return 2;
  } finally {
    await target.dispose();
  }
}
