/** `lambda-eic cleanup`: find and delete what real-account runs left behind, by tag and prefix. */
import { randomBytes } from 'node:crypto';
import { awsTarget } from '../targets/aws/aws-target.js';
import { CREATED_TAG, RUN_PREFIX, RUN_TAG, deleteLeftovers, findLeftovers } from '../targets/aws/leftovers.js';
import { UsageError, durationOption, parseOptions } from './usage.js';

const HELP = `Usage: lambda-eic cleanup --target aws --allow-account ID [--older-than 1h] [--plan] [--region R] [--profile P]

Finds what lambda-eic runs left in an account (a run killed outright cannot tear down): Lambda
functions, IAM roles, SQS queues, SNS topics, S3 buckets and EventBridge buses whose name starts with ${RUN_PREFIX} and that carry the ${RUN_TAG} tag, created
(tag ${CREATED_TAG}) longer ago than --older-than, in the region of the run. Deletes them.

Options:
  --target aws        the only target with leftovers
  --allow-account ID  the only account this may delete in (checked with STS GetCallerIdentity first)
  --older-than T      only what was created longer ago than T (90s, 30m, 1h, 2d; default 0s:
                      everything; pick more than your longest run while runs may be going on)
  --plan              list what would be deleted, delete nothing (needs no --allow-account)
  --region R          region (default: the SDK's chain, AWS_REGION or the profile's region)
  --profile NAME      the shared-config profile to use

Exit codes: 0 nothing left; 1 something could not be deleted; 2 usage error or account refused.`;

export async function cleanupCommand(argv: string[]): Promise<number> {
  const opts = parseOptions(
    argv,
    {
      target: { type: 'string' },
      'allow-account': { type: 'string' },
      'older-than': { type: 'string' },
      plan: { type: 'boolean' },
      region: { type: 'string' },
      profile: { type: 'string' },
    },
    HELP,
  );
  if (!opts) return 0;
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
