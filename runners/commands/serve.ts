/** `lambda-eic serve`: the embedded emulator on HTTP until SIGINT or SIGTERM. */
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../src/model/context.js';
import { CONTROL_PREFIX } from '../../src/http/control-api.js';
import { startServer } from '../../src/http/server.js';
import { QUIRK_NAMES, type QuirkName } from '../../src/quirks/catalogue.js';
import { AwsRealism } from '../../src/realism/aws-realism.js';
import { REALISM_DEFAULTS, parseCredentials, parseTimings } from '../../src/realism/profile.js';
import { CONTROL_HEADER } from '../../src/http/limits.js';
import { takeSignals } from '../process/signals.js';
import { defineCommand, integer, matching, runSpec, someOf, type OptionTable, type Values } from './model.js';
import { UsageError, integerOption, listOption } from './usage.js';
import { quirkyEmulator } from '../../src/quirks/layer.js';
import { Emulator } from '../../src/model/emulator.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

const REALISM = 'Realism (--realism aws)';
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

const SERVE_OPTIONS = {
  host: { type: 'string', value: 'H', description: 'address to listen on', default: '127.0.0.1' },
  port: { type: 'string', value: 'N', description: 'port (0: any free port; the URL is printed)', default: '0', check: integer(0, 65535) },
  region: {
    type: 'string',
    value: 'R',
    description: 'region for requests without a SigV4 credential scope',
    default: DEFAULT_REGION,
    check: (v: string) => {
      if (!REGION.test(v)) throw new UsageError(`--region must look like us-east-1, not '${v}'`);
    },
  },
  account: { type: 'string', value: 'A', description: '12-digit account id in ARNs', default: DEFAULT_ACCOUNT, check: matching(/^\d{12}$/, '12 digits') },
  quirk: { type: 'string', value: 'a,b', description: `behave like a buggy emulator, to try a conformance gate on it: ${QUIRK_NAMES.join(', ')}`, check: someOf(QUIRK_NAMES, 'quirk') },
  realism: {
    type: 'string',
    value: 'aws',
    group: REALISM,
    description: `behave like a real account around the model (a stand-in for --target aws tests): SigV4 signatures checked, ${REALISM_DEFAULTS.rps} control-plane requests per second then the recorded 429, a new role refused for a while, functions Pending and updates InProgress with the recorded 409 meanwhile, a new role's delivery permissions not yet in effect, and the recorded permission error for any queue, topic, bucket or bus named *-denied (the stand-in for a destination outside the role's policy)`,
    check: (v: string) => {
      if (v !== 'aws') throw new UsageError(`--realism must be 'aws', not '${v}'`);
    },
  },
  'realism-timings': {
    type: 'string',
    value: 'pending=MS,update=MS,role=MS,policy=MS',
    group: REALISM,
    description: 'how long those states last',
    default: `pending=${REALISM_DEFAULTS.pendingMs},update=${REALISM_DEFAULTS.updateMs},role=${REALISM_DEFAULTS.roleDelayMs},policy=${REALISM_DEFAULTS.policyDelayMs}`,
  },
  'realism-rps': {
    type: 'string',
    value: 'N',
    group: REALISM,
    description: `the control-plane quota (GetFunction ${REALISM_DEFAULTS.getFunctionRps})`,
    default: String(REALISM_DEFAULTS.rps),
    check: integer(1, 100_000),
  },
  credentials: { type: 'string', value: 'KEY:SECRET[,KEY:SECRET]', group: REALISM, description: 'the access keys whose signatures are accepted', default: 'testing:testing' },
  'allow-host': { type: 'string', value: 'NAME,...', description: "Host header names accepted besides loopback names and the bound address (a DNS-rebinding guard); '*' accepts any" },
  'control-token': {
    type: 'string',
    value: 'T',
    description: `the value the control API's ${CONTROL_HEADER} header must carry (default: any)`,
    check: (v: string) => {
      if (!/^[\x21-\x7e]+$/.test(v)) throw new UsageError('--control-token must be printable ASCII without spaces');
    },
  },
} as const satisfies OptionTable;

export const SERVE = defineCommand({
  name: 'serve',
  description: `Serves the reference model of the Lambda event-invoke-config API (and the control-plane calls that
arrange state: CreateFunction, PublishVersion, CreateAlias, ...) over HTTP, as AWS does.`,
  options: SERVE_OPTIONS,
  notes: `Control API (not AWS): POST ${CONTROL_PREFIX}/reset, GET|POST|DELETE ${CONTROL_PREFIX}/faults, GET ${CONTROL_PREFIX}/state,
each with the header '${CONTROL_HEADER}: 1' (or the token) and JSON bodies; GET ${CONTROL_PREFIX}/health needs none.
Cross-origin requests (browsers) are refused with 403 and no CORS header is ever sent.`,
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
  const allowedHosts = listOption(opts['allow-host']);
  // Installed before the listening line: a SIGTERM right after that line still stops cleanly.
  let stopped!: () => void;
  const signalled = new Promise<void>((resolve) => (stopped = resolve));
  const release = takeSignals(() => stopped());
  let server;
  try {
    server = await startServer({
      // Without quirks the model is not wrapped at all (an empty quirk layer still costs every call).
      emulator: quirks.length > 0 ? quirkyEmulator(quirks, layer ? { layer } : {}) : new Emulator(layer ? { layer } : {}),
      ...(opts.host !== undefined ? { host: opts.host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(opts.region !== undefined ? { region: opts.region } : {}),
      ...(opts.account !== undefined ? { account: opts.account } : {}),
      ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
      ...(opts['control-token'] !== undefined ? { controlToken: opts['control-token'] } : {}),
    });
  } catch (error) {
    throw new UsageError(`cannot listen: ${(error as Error).message}`);
  }
  const withQuirks = (quirks.length > 0 ? `, quirks ${quirks.join(', ')}` : '') + (layer ? `, realism aws: ${describe(layer)}` : '');
  console.log(`lambda-eic emulator listening on ${server.url} (region ${opts.region ?? DEFAULT_REGION}, account ${opts.account ?? DEFAULT_ACCOUNT}${withQuirks})`);
  if (!LOOPBACK.test(server.host))
    console.warn(
      `lambda-eic serve: warning: listening on ${server.host}, not loopback: anyone who can reach this address can read and change the emulator's state (it has no authentication); prefer 127.0.0.1`,
    );
  await signalled;
  await server.close();
  release();
  console.log('lambda-eic emulator stopped');
  return 0;
}
