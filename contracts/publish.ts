/**
 * Publishes the pact files to a Pact Broker (or PactFlow) through its `pb:publish-contracts`
 * relation (`POST /contracts/publish`, Pact Broker 2.86 and later), as `pact-broker publish` does.
 *
 *   PACT_BROKER_BASE_URL=https://broker.example PACT_BROKER_TOKEN=... \
 *     lambda-eic publish-pacts --consumer-app-version "$GIT_SHA" --branch "$GIT_BRANCH"
 *
 * Auth: PACT_BROKER_TOKEN (bearer) or PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD (basic).
 * Exit codes: 0 published, 1 the broker refused, 2 usage error or the broker cannot be reached.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BrokerAuth {
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
}

export interface PublishOptions {
  readonly brokerUrl: string;
  readonly auth: BrokerAuth;
  readonly consumerVersion: string;
  readonly branch?: string;
  readonly buildUrl?: string;
  readonly tags?: readonly string[];
}

export class BrokerError extends Error {
  constructor(
    message: string,
    /** True when the broker answered (and refused); false when it could not be reached. */
    readonly answered: boolean,
  ) {
    super(message);
  }
}

/**
 * The Authorization header for the broker, if any.
 * @example authHeader({ token: 'abc' }) // { Authorization: 'Bearer abc' }
 */
export function authHeader(auth: BrokerAuth): Record<string, string> {
  if (auth.token) return { Authorization: `Bearer ${auth.token}` };
  if (auth.username) return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}` };
  return {};
}

/**
 * The body of a publish-contracts request for one pact file's text.
 * @example publishPayload('{"consumer":{"name":"c"},"provider":{"name":"p"}}', { consumerVersion: '1.0.0', branch: 'main' }).contracts[0].consumerName // 'c'
 */
export function publishPayload(pactText: string, options: Pick<PublishOptions, 'consumerVersion' | 'branch' | 'buildUrl' | 'tags'>) {
  const pact = JSON.parse(pactText) as { consumer?: { name?: string }; provider?: { name?: string } };
  const consumerName = pact.consumer?.name;
  const providerName = pact.provider?.name;
  if (!consumerName || !providerName) throw new Error('a pact file needs consumer.name and provider.name');
  return {
    pacticipantName: consumerName,
    pacticipantVersionNumber: options.consumerVersion,
    ...(options.branch ? { branch: options.branch } : {}),
    ...(options.tags && options.tags.length > 0 ? { tags: [...options.tags] } : {}),
    ...(options.buildUrl ? { buildUrl: options.buildUrl } : {}),
    contracts: [{ consumerName, providerName, specification: 'pact', contentType: 'application/json', content: Buffer.from(pactText).toString('base64'), onConflict: 'overwrite' }],
  };
}

async function call(url: string, init: RequestInit, fetchImpl: typeof fetch): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch (error) {
    throw new BrokerError(`cannot reach the broker at ${url}: ${(error as Error).message}`, false);
  }
}

/**
 * Publishes each pact file; returns the consumer/provider pairs published.
 * @example await publishPacts(['contracts/pacts/lambda-eic-consumer-aws-lambda-event-invoke-config.json'], { brokerUrl, auth: { token }, consumerVersion: sha })
 */
export async function publishPacts(files: readonly string[], options: PublishOptions, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const base = options.brokerUrl.replace(/\/+$/, '');
  const headers = { Accept: 'application/hal+json', ...authHeader(options.auth) };
  const index = await call(`${base}/`, { headers }, fetchImpl);
  if (!index.ok) throw new BrokerError(`the broker at ${base} answered ${index.status} to GET /`, true);
  const links = ((await index.json()) as { _links?: Record<string, { href?: string }> })._links ?? {};
  const href = links['pb:publish-contracts']?.href;
  if (!href) throw new BrokerError(`the broker at ${base} offers no pb:publish-contracts relation (Pact Broker 2.86 or later is needed)`, true);
  const published: string[] = [];
  for (const file of files) {
    const payload = publishPayload(readFileSync(file, 'utf8'), options);
    const answer = await call(href, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }, fetchImpl);
    if (!answer.ok) throw new BrokerError(`the broker refused ${file}: ${answer.status} ${(await answer.text()).slice(0, 300)}`, true);
    published.push(`${payload.pacticipantName} -> ${payload.contracts[0]!.providerName}`);
  }
  return published;
}

/**
 * The pact files of a directory, sorted (or the file itself).
 * @example pactFiles('contracts/pacts') // ['contracts/pacts/lambda-eic-consumer-aws-lambda-event-invoke-config.json']
 */
export function pactFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}
