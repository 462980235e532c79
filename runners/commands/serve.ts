/** `lambda-eic serve`: the embedded emulator on HTTP until SIGINT or SIGTERM. */
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../src/model/context.js';
import { CONTROL_PREFIX } from '../../src/http/control-api.js';
import { startServer } from '../../src/http/server.js';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRK_NAMES, type QuirkName } from '../../src/model/quirks.js';
import { AwsRealism } from '../../src/realism/aws-realism.js';
import { REALISM_DEFAULTS, parseCredentials, parseTimings } from '../../src/realism/profile.js';
import { defineCommand, integer, matching, runSpec, someOf, type OptionTable, type Values } from './model.js';
import { UsageError, integerOption, listOption } from './usage.js';

const REALISM = 'Realism (--realism aws)';
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

const SERVE_OPTIONS = {
  host: { type: 'string', value: 'H', description: 'address to listen on', default: '127.0.0.1' },
  port: { type: 'string', value: 'N', description: 'port (0: any free port; the URL is printed)', default: '0', check: integer(0, 65535) },
  region: { type: 'string', value: 'R', description: 'region for requests without a SigV4 credential scope', default: DEFAULT_REGION, check: (v: string) => { if (!REGION.test(v)) throw new UsageError(`--region must look like us-east-1, not '${v}'`); } },
  account: { type: 'string', value: 'A', description: '12-digit account id in ARNs', default: DEFAULT_ACCOUNT, check: matching(/^\d{12}$/, '12 digits') },
  quirk: { type: 'string', value: 'a,b', description: `behave like a buggy emulator, to try a conformance gate on it: ${QUIRK_NAMES.join(', ')}`, check: someOf(QUIRK_NAMES, 'quirk') },
  realism: {
    type: 'string',
    value: 'aws',
    group: REALISM,
    description: `behave like a real account around the model (a stand-in for --target aws tests): SigV4 signatures checked, ${REALISM_DEFAULTS.rps} control-plane requests per second then the recorded 429, a new role refused for a while, functions Pending and updates InProgress with the recorded 409 meanwhile, a new role's delivery permissions not yet in effect`,
    check: (v: string) => { if (v !== 'aws') throw new UsageError(`--realism must be 'aws', not '${v}'`); },
  },
  'realism-timings': {
    type: 'string',
    value: 'pending=MS,update=MS,role=MS,policy=MS',
    group: REALISM,
    description: 'how long those states last',
    default: `pending=${REALISM_DEFAULTS.pendingMs},update=${REALISM_DEFAULTS.updateMs},role=${REALISM_DEFAULTS.roleDelayMs},policy=${REALISM_DEFAULTS.policyDelayMs}`,
  },
  'realism-rps': { type: 'string', value: 'N', group: REALISM, description: `the control-plane quota (GetFunction ${REALISM_DEFAULTS.getFunctionRps})`, default: String(REALISM_DEFAULTS.rps), check: integer(1, 100_000) },
  credentials: { type: 'string', value: 'KEY:SECRET[,KEY:SECRET]', group: REALISM, description: 'the access keys whose signatures are accepted', default: 'testing:testing' },
} as const satisfies OptionTable;

export const SERVE = defineCommand({
  name: 'serve',
  description: `Serves the reference model of the Lambda event-invoke-config API (and the control-plane calls that
arrange state: CreateFunction, PublishVersion, CreateAlias, ...) over HTTP, as AWS does.`,
  options: SERVE_OPTIONS,
  notes: `Control API (not AWS): POST ${CONTROL_PREFIX}/reset, GET|POST|DELETE ${CONTROL_PREFIX}/faults, GET ${CONTROL_PREFIX}/state.`,
  run: (values) => serveWith(values),
});

/** The realism layer the options ask for, or undefined; a usage error for a bad value. */
function realismOption(profile?: string, timings?: string, rps?: string, credentials?: string): AwsRealism | undefined {
  if (profile === undefined) {
    if (timings !== undefined || rps !== undefined || credentials !== undefined) throw new UsageError('--realism-timings, --realism-rps and --credentials go with --realism aws');
    return undefined;
  }
  if (profile !== 'aws') throw new UsageError(`--realism must be 'aws', not '${profile}'`);
  try {
    return new AwsRealism({
      ...(timings !== undefined ? parseTimings(timings) : {}),
      ...(rps !== undefined ? { rps: integerOption('--realism-rps', rps, 1, 100_000)! } : {}),
      ...(credentials !== undefined ? { credentials: parseCredentials(credentials) } : {}),
    });
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(`--realism: ${error.message}`);
    throw error;
  }
}

const describe = (layer: AwsRealism): string => {
  const o = layer.options;
  return `pending ${o.pendingMs} ms, update ${o.updateMs} ms, role ${o.roleDelayMs} ms, ${o.rps} rps, keys ${Object.keys(o.credentials).join(',')}`;
};

/** Runs `lambda-eic serve` until SIGINT or SIGTERM. */
export const serveCommand = (argv: string[]): Promise<number> => runSpec(SERVE, argv);

async function serveWith(opts: Values<typeof SERVE_OPTIONS>): Promise<number> {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  const quirks = listOption(opts.quirk) as QuirkName[];
  const layer = realismOption(opts.realism, opts['realism-timings'], opts['realism-rps'], opts.credentials);
  let server;
  try {
    server = await startServer({
      emulator: new Emulator({ quirks, ...(layer ? { layer } : {}) }),
      ...(opts.host !== undefined ? { host: opts.host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(opts.region !== undefined ? { region: opts.region } : {}),
      ...(opts.account !== undefined ? { account: opts.account } : {}),
    });
  } catch (error) {
    throw new UsageError(`cannot listen: ${(error as Error).message}`);
  }
  const withQuirks = (quirks.length > 0 ? `, quirks ${quirks.join(', ')}` : '') + (layer ? `, realism aws: ${describe(layer)}` : '');
  console.log(`lambda-eic emulator listening on ${server.url} (region ${opts.region ?? DEFAULT_REGION}, account ${opts.account ?? DEFAULT_ACCOUNT}${withQuirks})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  console.log('lambda-eic emulator stopped');
  return 0;
}
