/**
 * `lambda-eic record`: re-record `fixtures/aws` from a real account (or a stand-in), compare with
 * the committed fixtures, print the differences, and write them only with `--update`. Every
 * fixture found unchanged gets today's date in the validation record (`fixtures/validated.json`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESTINATION_NAMES, otherRegionThan, type Vars } from '../../cases/placeholders.js';
import { FixtureError, packageRoot, readFixture, type Fixture } from '../../cases/fixtures.js';
import { differences, type Difference } from '../record/normalise.js';
import { recordFixture } from '../record/record-fixture.js';
import { awsTarget } from '../targets/aws/aws-target.js';
import { guardRun } from '../targets/aws/stop-guard.js';
import { DEFAULT_RUNTIME, TargetUnreachable } from '../targets/target.js';
import { defineCommand, integer, runSpec, type OptionTable, type Values } from './model.js';
import { UsageError, integerOption, listOption } from './usage.js';

const RECORD_OPTIONS = {
  target: { type: 'string', value: 'aws', description: 'where to record (a real account; AWS_ENDPOINT_URL_<SERVICE> for stand-ins)' },
  'allow-account': { type: 'string', value: 'ID', description: 'the only account this may write to (checked with STS first)' },
  fixture: { type: 'string', value: 'a,b', description: 'only these fixture ids (aws.put-overwrites, ...)' },
  update: { type: 'boolean', description: 'write the differences into the fixtures, stamping recordedAt with today' },
  'fixtures-dir': { type: 'string', value: 'DIR', description: 'the fixtures folder, holding aws/ and validated.json', default: "this package's" },
  region: { type: 'string', value: 'R', description: "as for 'lambda-eic run --target aws'" },
  profile: { type: 'string', value: 'NAME', description: "as for 'lambda-eic run --target aws'" },
  'role-arn': { type: 'string', value: 'ARN', description: "as for 'lambda-eic run --target aws'" },
  'max-rps': { type: 'string', value: 'N', description: "as for 'lambda-eic run --target aws'", check: integer(1, 100) },
} as const satisfies OptionTable;

export const RECORD = defineCommand({
  name: 'record',
  description: `Re-records the facts in fixtures/aws from a real account: arranges each fixture's given state
(with the waits AWS needs), sends its request, keeps status, error type and body, replaces run
values with the fixture placeholders and matchers, and compares with the committed fixture.`,
  options: RECORD_OPTIONS,
  notes: `Every fixture that comes back unchanged gets today's date in DIR/validated.json.
After --update: 'npm run contracts' regenerates the pacts; 'npm test' checks the fixtures again.
Exit codes: 0 no differences (or written with --update); 1 differences or a fixture could not be
recorded; 2 usage error or account refused. Everything created is deleted, as by 'run'.`,
  run: (values) => recordWith(values),
});

interface FixtureFile {
  readonly path: string;
  readonly fixture: Fixture;
}

function readFixtures(dir: string): FixtureFile[] {
  if (!existsSync(dir)) throw new UsageError(`no fixtures folder ${dir}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      try {
        return { path: join(dir, f), fixture: readFixture(join(dir, f)) };
      } catch (error) {
        if (error instanceof FixtureError) throw new UsageError(error.message);
        throw error;
      }
    });
}

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

/** Runs `lambda-eic record`. */
export const recordCommand = (argv: string[]): Promise<number> => runSpec(RECORD, argv);

async function recordWith(opts: Values<typeof RECORD_OPTIONS>): Promise<number> {
  if (opts.target !== 'aws') throw new UsageError('--target aws is required: fixtures/aws are facts recorded on AWS');
  const allowAccount = opts['allow-account'];
  if (allowAccount === undefined || !/^\d{12}$/.test(allowAccount)) throw new UsageError('--allow-account must name the 12-digit account to record in');
  const root = opts['fixtures-dir'] ?? join(packageRoot(), 'fixtures');
  const all = readFixtures(join(root, 'aws'));
  const wanted = listOption(opts.fixture);
  for (const id of wanted) if (!all.some((f) => f.fixture.id === id)) throw new UsageError(`no fixture '${id}' in ${join(root, 'aws')}`);
  const chosen = wanted.length > 0 ? all.filter((f) => wanted.includes(f.fixture.id)) : all;
  const runPrefix = `eic-${randomBytes(3).toString('hex')}`;
  const target = awsTarget({
    runPrefix,
    allowAccount,
    runtime: DEFAULT_RUNTIME,
    maxRps: integerOption('--max-rps', opts['max-rps'], 1, 100) ?? 10,
    ...(opts.region ? { region: opts.region } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts['role-arn'] ? { roleArn: opts['role-arn'] } : {}),
  });
  const release = guardRun(target);
  try {
    const identity = await target.connect();
    console.log(`lambda-eic record: ${chosen.length} fixtures in account ${identity.account}, region ${identity.region}`);
    const today = new Date().toISOString().slice(0, 10);
    const validatedPath = join(root, 'validated.json');
    const validated = existsSync(validatedPath) ? (JSON.parse(readFileSync(validatedPath, 'utf8')) as { validated: Record<string, string> }) : { validated: {} };
    let changed = 0;
    let failed = 0;
    for (const [index, { path, fixture }] of chosen.entries()) {
      const vars: Vars = {
        fn: `${runPrefix}-r${index + 1}`,
        fn2: `${runPrefix}-r${index + 1}-b`,
        account: identity.account,
        region: identity.region,
        partition: identity.partition,
        otherRegion: otherRegionThan(identity.region),
        ...DESTINATION_NAMES,
        ...target.destinationNames,
      };
      let recorded;
      try {
        recorded = await recordFixture(target, fixture, vars);
      } catch (error) {
        failed += 1;
        console.log(`  ERROR      ${fixture.id}: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      const diffs: Difference[] = differences(fixture.response, recorded);
      if (diffs.length === 0) {
        validated.validated[fixture.id] = today;
        console.log(`  unchanged  ${fixture.id}`);
        continue;
      }
      changed += 1;
      console.log(`  DIFFERS    ${fixture.id}${opts.update ? ' (updated)' : ''}`);
      for (const d of diffs) console.log(`      ${d.path}: committed ${show(d.committed)}\n      ${' '.repeat(d.path.length)}  recorded  ${show(d.recorded)}`);
      if (opts.update) writeFileSync(path, `${JSON.stringify({ ...fixture, recordedAt: today, response: recorded }, null, 2)}\n`);
    }
    const sorted = Object.fromEntries(Object.entries(validated.validated).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(validatedPath, `${JSON.stringify({ validated: sorted }, null, 2)}\n`);
    console.log(`${chosen.length} fixtures: ${chosen.length - changed - failed} unchanged, ${changed} differ${opts.update ? ' (written)' : ''}, ${failed} not recorded`);
    if (changed > 0 && !opts.update) console.log('Run again with --update to write them; then npm run contracts.');
    if (changed > 0 && opts.update) console.log("Written. Next: 'npm run contracts' regenerates the pacts, 'npm test' checks the fixtures.");
    return failed > 0 || (changed > 0 && !opts.update) ? 1 : 0;
  } catch (error) {
    if (error instanceof TargetUnreachable) {
      console.error(`lambda-eic record: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await target.dispose();
    release();
  }
}
