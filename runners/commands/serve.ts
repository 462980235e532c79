/** `lambda-eic serve`: the embedded emulator on HTTP until SIGINT or SIGTERM. */
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../src/model/context.js';
import { CONTROL_PREFIX } from '../../src/http/control-api.js';
import { startServer } from '../../src/http/server.js';
import { Emulator } from '../../src/model/emulator.js';
import { QUIRK_NAMES } from '../../src/model/quirks.js';
import { UsageError, integerOption, parseOptions, quirksOption } from './usage.js';

const HELP = `Usage: lambda-eic serve [--host 127.0.0.1] [--port N] [--region ${DEFAULT_REGION}] [--account ${DEFAULT_ACCOUNT}] [--quirk a,b]

Serves the reference model of the Lambda event-invoke-config API (and the control-plane calls that
arrange state: CreateFunction, PublishVersion, CreateAlias, ...) over HTTP, as AWS does.

Options:
  --host H      address to listen on (default 127.0.0.1)
  --port N      port (default 0: any free port; the URL is printed)
  --region R    region for requests without a SigV4 credential scope (default ${DEFAULT_REGION})
  --account A   12-digit account id in ARNs (default ${DEFAULT_ACCOUNT})
  --quirk a,b   behave like a buggy emulator, to try a conformance gate on it:
                ${QUIRK_NAMES.join(', ')}

Control API (not AWS): POST ${CONTROL_PREFIX}/reset, GET|POST|DELETE ${CONTROL_PREFIX}/faults, GET ${CONTROL_PREFIX}/state.`;

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export async function serveCommand(argv: string[]): Promise<number> {
  const opts = parseOptions(
    argv,
    { host: { type: 'string' }, port: { type: 'string' }, region: { type: 'string' }, account: { type: 'string' }, quirk: { type: 'string' } },
    HELP,
  );
  if (!opts) return 0;
  const port = integerOption('--port', opts.port, 0, 65535);
  if (opts.region !== undefined && !REGION.test(opts.region)) throw new UsageError(`--region must look like us-east-1, not '${opts.region}'`);
  if (opts.account !== undefined && !/^\d{12}$/.test(opts.account)) throw new UsageError(`--account must be 12 digits, not '${opts.account}'`);
  const quirks = quirksOption(opts.quirk);
  let server;
  try {
    server = await startServer({
      emulator: new Emulator({ quirks }),
      ...(opts.host !== undefined ? { host: opts.host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(opts.region !== undefined ? { region: opts.region } : {}),
      ...(opts.account !== undefined ? { account: opts.account } : {}),
    });
  } catch (error) {
    throw new UsageError(`cannot listen: ${(error as Error).message}`);
  }
  const withQuirks = quirks.length > 0 ? `, quirks ${quirks.join(', ')}` : '';
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
