/** The pure pieces of `--target aws`: endpoints, the ledger, retries and pacing, the plan. */
import { describe, expect, it } from 'vitest';
import { ALL_SCENARIOS } from '../../../suites/index.js';
import { serviceEndpoint } from '../../../runners/targets/aws/endpoints.js';
import { Ledger, LedgerClosed, type LedgerEntry } from '../../../runners/targets/aws/ledger.js';
import { Pacer, backoffMs, withRetries } from '../../../runners/targets/aws/pacing.js';
import { planLines } from '../../../runners/targets/aws/plan.js';
import { destinationNames, deliveryPolicy } from '../../../runners/targets/aws/destinations.js';

describe('service endpoints', () => {
  it('uses the public endpoints, IAM signed for us-east-1', () => {
    expect(serviceEndpoint('lambda', 'eu-west-1', {})).toEqual({ url: 'https://lambda.eu-west-1.amazonaws.com', signingRegion: 'eu-west-1', signingName: 'lambda', overridden: false });
    expect(serviceEndpoint('iam', 'eu-west-1', {})).toMatchObject({ url: 'https://iam.amazonaws.com', signingRegion: 'us-east-1', signingName: 'iam' });
    expect(serviceEndpoint('eventbridge', 'us-east-2', {})).toMatchObject({ url: 'https://events.us-east-2.amazonaws.com', signingName: 'events' });
  });

  it('honours AWS_ENDPOINT_URL_<SERVICE> before AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:5000/', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:6000' };
    expect(serviceEndpoint('sts', 'us-east-1', env)).toMatchObject({ url: 'http://127.0.0.1:6000', overridden: true });
    expect(serviceEndpoint('sqs', 'us-east-1', env)).toMatchObject({ url: 'http://127.0.0.1:5000', overridden: true });
  });
});

describe('the ledger', () => {
  it('records a resource before its create call, and tears down newest first', async () => {
    const ledger = new Ledger();
    let seenDuringCreate: readonly LedgerEntry[] = [];
    await ledger.creating('role', 'eic-a-role', async () => {
      seenDuringCreate = ledger.list();
    });
    await ledger.creating('function', 'eic-a-1', async () => undefined);
    expect(seenDuringCreate.map((e) => e.id)).toEqual(['eic-a-role']);
    const deleted: string[] = [];
    const left = await ledger.teardown(async (e) => void deleted.push(e.id), 5_000);
    expect(deleted).toEqual(['eic-a-1', 'eic-a-role']);
    expect(left).toEqual([]);
    expect(ledger.list()).toEqual([]);
  });

  it('waits for a create in flight, refuses new ones once closed, and reports what it could not delete', async () => {
    const ledger = new Ledger();
    let finish!: () => void;
    const inFlight = ledger.creating('function', 'eic-b-1', () => new Promise<void>((r) => (finish = r)));
    const torn = ledger.teardown(async (e) => {
      if (e.id === 'eic-b-1') throw new Error('AccessDenied');
    }, 5_000);
    await expect(ledger.creating('function', 'eic-b-2', async () => undefined)).rejects.toBeInstanceOf(LedgerClosed);
    finish();
    await inFlight;
    expect(await torn).toEqual([expect.objectContaining({ kind: 'function', id: 'eic-b-1', error: 'AccessDenied' })]);
  });
});

describe('retries and pacing', () => {
  const failureOf = (r: { status: number }) => (r.status >= 400 ? { code: String(r.status), status: r.status, message: '' } : undefined);

  it('retries what the policy allows until success, and counts the retries', async () => {
    const answers = [429, 429, 200];
    const { result, retries } = await withRetries(async () => ({ status: answers.shift()! }), failureOf, { retryable: (f) => f.status === 429, budgetMs: 10_000, baseDelayMs: 1, maxDelayMs: 2 });
    expect(result.status).toBe(200);
    expect(retries).toBe(2);
  });

  it('gives up at once on what the policy does not retry', async () => {
    let calls = 0;
    const { result, retries } = await withRetries(
      async () => {
        calls += 1;
        return { status: 400 };
      },
      failureOf,
      { retryable: (f) => f.status === 429, budgetMs: 10_000 },
    );
    expect([result.status, retries, calls]).toEqual([400, 0, 1]);
  });

  it('halves the pace on a throttle, down to 1 rps, and wins it back on successes', () => {
    const pacer = new Pacer(10);
    pacer.throttled();
    expect(pacer.pace).toBe(5);
    for (let i = 0; i < 10; i++) pacer.throttled();
    expect(pacer.pace).toBe(1);
    for (let i = 0; i < 100; i++) pacer.succeeded();
    expect(pacer.pace).toBe(10);
    expect(backoffMs(3, 200, 5_000)).toBeLessThanOrEqual(800);
  });
});

describe('plan and destinations', () => {
  it('says what a run creates, where, and what it costs', () => {
    const lines = planLines(ALL_SCENARIOS, {
      account: '111122223333',
      arn: 'arn:aws:iam::111122223333:user/me',
      region: 'eu-west-1',
      runPrefix: 'eic-ab12cd',
      runtime: 'provided.al2023',
      maxRps: 10,
    }).join('\n');
    expect(lines).toContain('account 111122223333');
    expect(lines).toContain('region eu-west-1');
    expect(lines).toContain('IAM role eic-ab12cd-role');
    expect(lines).toContain('S3 bucket eic-ab12cd-111122223333');
    expect(lines).toMatch(/cost: nothing is invoked/);
    expect(lines).toContain('--allow-account 111122223333');
  });

  it('names destinations from the run prefix and lets the role deliver only to them, not to the denied pair', () => {
    const names = destinationNames('eic-ab12cd', '111122223333');
    expect(names).toEqual({
      queue: 'eic-ab12cd-queue',
      queue2: 'eic-ab12cd-queue-2',
      topic: 'eic-ab12cd-topic',
      bucket: 'eic-ab12cd-111122223333',
      bus: 'eic-ab12cd-bus',
      deniedQueue: 'eic-ab12cd-queue-denied',
      deniedTopic: 'eic-ab12cd-topic-denied',
    });
    const arns = {
      queue: 'arn:aws:sqs:r:1:q',
      queue2: 'arn:aws:sqs:r:1:q2',
      topic: 'arn:aws:sns:r:1:t',
      bucket: 'arn:aws:s3:::b',
      bus: 'arn:aws:events:r:1:event-bus/e',
      deniedQueue: 'arn:aws:sqs:r:1:qd',
      deniedTopic: 'arn:aws:sns:r:1:td',
    };
    const policy = deliveryPolicy({ names, arns }, 'arn:aws:lambda:r:1:function:eic-ab12cd-');
    expect(policy.Statement.map((s) => s.Action)).toEqual(['sqs:SendMessage', 'sns:Publish', ['s3:PutObject', 's3:ListBucket'], 'events:PutEvents', 'lambda:InvokeFunction']);
    expect(JSON.stringify(policy)).not.toContain('"*"');
    expect(JSON.stringify(policy)).not.toMatch(/:qd"|:td"/);
  });
});
