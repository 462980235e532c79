/**
 * `lambda-eic contracts` (regenerate the Pact contracts from the fixtures) and
 * `lambda-eic publish-pacts` (publish pact files to a broker): the consumer side of the contracts.
 */
import { join, resolve } from 'node:path';
import { packageRoot } from '../../cases/fixtures.js';
import { URL_CHECK, defineCommand, runSpec } from './model.js';
import { UsageError } from './usage.js';

/** @pact-foundation/pact is an optional peer: a one-line usage error where it is missing. */
async function withPact<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && /@pact-foundation\/pact/.test((error as Error).message))
      throw new UsageError('this command needs @pact-foundation/pact: npm install --save-dev @pact-foundation/pact');
    throw error;
  }
}

export const CONTRACTS = defineCommand({
  name: 'contracts',
  description: `Writes the Pact contracts of every fixture (fixtures/docs, fixtures/aws, fixtures/spec): each becomes a PactV4
interaction, run through the Pact mock server as a consumer test, then the pact file is written in its
committed, stable form.`,
  options: {
    out: { type: 'string', value: 'DIR', description: 'where the pact file goes', default: 'contracts/pacts of this package' },
  },
  notes: 'Exit codes: 0 written; 2 usage error.',
  run: async ({ out }) => {
    const { generateContracts } = await withPact(() => import('../../contracts/generate.js'));
    const started = performance.now();
    const { file, interactions } = await generateContracts(out ? { outDir: resolve(out) } : {});
    console.log(`wrote ${file}: ${interactions} interactions in ${Math.round(performance.now() - started)} ms`);
    return 0;
  },
});

export const PUBLISH = defineCommand({
  name: 'publish-pacts',
  description: 'Publishes pact files to a Pact Broker, for the consumer version given.',
  options: {
    'consumer-app-version': { type: 'string', value: 'V', description: 'the consumer version (e.g. a git sha); required' },
    branch: { type: 'string', value: 'B', description: "the consumer's branch" },
    tag: { type: 'string', value: 'T', multiple: true, description: 'a tag (repeatable; branches are preferred)' },
    'build-url': { type: 'string', value: 'URL', description: 'a link to the CI build', check: URL_CHECK },
    'broker-url': { type: 'string', value: 'URL', description: 'the broker', default: 'PACT_BROKER_BASE_URL', check: URL_CHECK },
    'pact-dir': { type: 'string', value: 'DIR', description: 'pact files to publish', default: 'contracts/pacts of this package' },
  },
  notes: `Auth: PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.
Exit codes: 0 published; 1 the broker refused; 2 usage error or no broker answer.`,
  run: async (values) => {
    const { BrokerError, pactFiles, publishPacts } = await import('../../contracts/publish.js');
    const version = values['consumer-app-version'];
    if (!version) throw new UsageError('--consumer-app-version V is required');
    const brokerUrl = values['broker-url'] ?? process.env.PACT_BROKER_BASE_URL;
    if (!brokerUrl || !/^https?:\/\//.test(brokerUrl)) throw new UsageError('a broker URL is required: --broker-url URL or PACT_BROKER_BASE_URL');
    const dir = resolve(values['pact-dir'] ?? join(packageRoot(), 'contracts', 'pacts'));
    let files: string[];
    try {
      files = pactFiles(dir);
    } catch {
      throw new UsageError(`${dir} does not exist`);
    }
    try {
      const published = await publishPacts(files, {
        brokerUrl,
        consumerVersion: version,
        auth: { token: process.env.PACT_BROKER_TOKEN, username: process.env.PACT_BROKER_USERNAME, password: process.env.PACT_BROKER_PASSWORD },
        ...(values.branch ? { branch: values.branch } : {}),
        ...(values['build-url'] ? { buildUrl: values['build-url'] } : {}),
        ...(values.tag ? { tags: values.tag } : {}),
      });
      for (const pair of published) console.log(`published ${pair} (version ${version}) to ${brokerUrl}`);
      return 0;
    } catch (error) {
      if (!(error instanceof BrokerError)) throw error;
      console.error(`lambda-eic publish-pacts: ${error.message}`);
      return error.answered ? 1 : 2;
    }
  },
});

/** Runs `lambda-eic contracts`. */
export const contractsCommand = (argv: string[]): Promise<number> => runSpec(CONTRACTS, argv);
/** Runs `lambda-eic publish-pacts`. */
export const publishPactsCommand = (argv: string[]): Promise<number> => runSpec(PUBLISH, argv);
