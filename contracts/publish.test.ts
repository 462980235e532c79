/** Publishing to a Pact Broker, with fetch stubbed (no broker stand-in is on the npm registry). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../cases/fixtures.js';
import { BrokerError, authHeader, pactFiles, publishPacts, publishPayload } from './publish.js';
import { CONSUMER, PACT_FILE, PROVIDER } from './values.js';

const files = pactFiles(join(packageRoot(), 'contracts', 'pacts'));

describe('publishing pacts', () => {
  it('finds the committed pact file', () => {
    expect(files.map((f) => f.split('/').at(-1))).toEqual([PACT_FILE]);
  });

  it('authenticates with a token, else with a user and password', () => {
    expect(authHeader({ token: 't', username: 'u' })).toEqual({ Authorization: 'Bearer t' });
    expect(authHeader({ username: 'u', password: 'p' })).toEqual({ Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` });
    expect(authHeader({})).toEqual({});
  });

  it('sends the pact base64-encoded with the consumer version, branch and build URL', () => {
    const text = '{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[]}';
    const payload = publishPayload(text, { consumerVersion: 'abc123', branch: 'main', buildUrl: 'https://ci/1' });
    expect(payload).toEqual({
      pacticipantName: 'c',
      pacticipantVersionNumber: 'abc123',
      branch: 'main',
      buildUrl: 'https://ci/1',
      contracts: [{ consumerName: 'c', providerName: 'p', specification: 'pact', contentType: 'application/json', content: Buffer.from(text).toString('base64'), onConflict: 'overwrite' }],
    });
  });

  it('posts to the pb:publish-contracts relation of the broker index', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      calls.push({ url, ...(init ? { init } : {}) });
      return url.endsWith('/') ? Response.json({ _links: { 'pb:publish-contracts': { href: 'https://broker.test/contracts/publish' } } }) : Response.json({ notices: [] });
    }) as typeof fetch;
    const published = await publishPacts(files, { brokerUrl: 'https://broker.test/', auth: { token: 't' }, consumerVersion: '1.2.3' }, fake);
    expect(published).toEqual([`${CONSUMER} -> ${PROVIDER}`]);
    expect(calls.map((c) => [c.init?.method ?? 'GET', c.url])).toEqual([
      ['GET', 'https://broker.test/'],
      ['POST', 'https://broker.test/contracts/publish'],
    ]);
    expect((calls[1]!.init!.headers as Record<string, string>).Authorization).toBe('Bearer t');
    expect(JSON.parse(String(calls[1]!.init!.body)).pacticipantVersionNumber).toBe('1.2.3');
  });

  it('tells a refusal from a broker out of reach', async () => {
    const refusing = (async (url: string) =>
      url.endsWith('/') ? Response.json({ _links: { 'pb:publish-contracts': { href: 'https://b/contracts/publish' } } }) : new Response('nope', { status: 401 })) as typeof fetch;
    await expect(publishPacts(files, { brokerUrl: 'https://b', auth: {}, consumerVersion: '1' }, refusing)).rejects.toMatchObject({ answered: true, message: expect.stringMatching(/401 nope/) });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(publishPacts(files, { brokerUrl: 'https://b', auth: {}, consumerVersion: '1' }, down)).rejects.toBeInstanceOf(BrokerError);
    await expect(publishPacts(files, { brokerUrl: 'https://b', auth: {}, consumerVersion: '1' }, down)).rejects.toMatchObject({ answered: false });
  });
});
