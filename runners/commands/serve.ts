/** `lambda-eic serve`: the embedded emulator on HTTP until SIGINT or SIGTERM. */
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../src/model/context.js';
import { CONTROL_PREFIX } from '../../src/http/control-api.js';
import { startServer } from '../../src/http/server.js';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRK_NAMES } from '../../src/model/quirks.js';
import { AwsRealism } from '../../src/realism/aws-realism.js';
import { REALISM_DEFAULTS, parseCredentials, parseTimings } from '../../src/realism/profile.js';
import { UsageError, integerOption, parseOptions, quirksOption } from './usage.js';

const HELP = `Usage: lambda-eic serve [--host 127.0.0.1] [--port N] [--region ${DEFAULT_REGION}] [--account ${DEFAULT_ACCOUNT}] [--quirk a,b]
                        [--realism aws [--realism-timings pending=MS,update=MS,role=MS,policy=MS] [--realism-rps N] [--credentials KEY:SECRET]]

Serves the reference model of the Lambda event-invoke-config API (and the control-plane calls that
arrange state: CreateFunction, PublishVersion, CreateAlias, ...) over HTTP, as AWS does.

Options:
  --host H      address to listen on (default 127.0.0.1)
  --port N      port (default 0: any free port; the URL is printed)
  --region R    region for requests without a SigV4 credential scope (default ${DEFAULT_REGION})
  --account A   12-digit account id in ARNs (default ${DEFAULT_ACCOUNT})
  --quirk a,b   behave like a buggy emulator, to try a conformance gate on it:
                ${QUIRK_NAMES.join(', ')}
  --realism aws behave like a real account around the model (a stand-in for --target aws tests):
                SigV4 signatures checked, ${REALISM_DEFAULTS.rps} control-plane requests per second then the
                recorded 429, a new role refused for a while, functions Pending and updates InProgress
                with the recorded 409 meanwhile, a new role's delivery permissions not yet in effect
  --realism-timings pending=MS,update=MS,role=MS,policy=MS
                how long those states last (default pending=${REALISM_DEFAULTS.pendingMs},update=${REALISM_DEFAULTS.updateMs},role=${REALISM_DEFAULTS.roleDelayMs},policy=${REALISM_DEFAULTS.policyDelayMs})
  --realism-rps N
                the control-plane quota (default ${REALISM_DEFAULTS.rps}; GetFunction ${REALISM_DEFAULTS.getFunctionRps})
  --credentials KEY:SECRET[,KEY:SECRET]
                the access keys whose signatures are accepted (default testing:testing)

Control API (not AWS): POST ${CONTROL_PREFIX}/reset, GET|POST|DELETE ${CONTROL_PREFIX}/faults, GET ${CONTROL_PREFIX}/state.`;

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

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

export async function serveCommand(argv: string[]): Promise<number> {
  const opts = parseOptions(
    argv,
    {
      host: { type: 'string' },
      port: { type: 'string' },
      region: { type: 'string' },
      account: { type: 'string' },
      quirk: { type: 'string' },
      realism: { type: 'string' },
      'realism-timings': { type: 'string' },
      'realism-rps': { type: 'string' },
      credentials: { type: 'string' },
    },
    HELP,
  );
  if (!opts) return 0;
  const port = integerOption('--port', opts.port, 0, 65535);
  if (opts.region !== undefined && !REGION.test(opts.region)) throw new UsageError(`--region must look like us-east-1, not '${opts.region}'`);
  if (opts.account !== undefined && !/^\d{12}$/.test(opts.account)) throw new UsageError(`--account must be 12 digits, not '${opts.account}'`);
  const quirks = quirksOption(opts.quirk);
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
