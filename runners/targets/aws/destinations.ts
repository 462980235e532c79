/**
 * The run's own destinations (aws-behaviour.md section 5): two SQS queues, an SNS topic, an S3
 * bucket and an EventBridge bus, named from the run prefix and tagged, plus the inline policy that
 * lets the execution role deliver to them. Scenarios reach them through the placeholders
 * `{queue}`, `{queue2}`, `{topic}`, `{bucket}`, `{bus}`. A further queue and topic
 * (`{deniedQueue}`, `{deniedTopic}`) are made the same way but left out of the policy, for the
 * `permissions` scenarios that check AWS's refusal.
 */
import { createHash } from 'node:crypto';
import type { DestinationRef } from '../../../cases/placeholders.js';
import { jsonCall, queryCall, s3Call, type CredentialSource } from './aws-call.js';
import type { ServiceEndpoint, ServiceName } from './endpoints.js';
import type { Ledger, LedgerEntry } from './ledger.js';

export interface RunDestinations {
  /** Placeholder to name. */
  readonly names: Record<DestinationRef, string>;
  /** Placeholder to ARN. */
  readonly arns: Record<DestinationRef, string>;
}

export interface DestinationContext {
  readonly runPrefix: string;
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly tags: Record<string, string>;
  readonly endpoint: (service: ServiceName) => Promise<ServiceEndpoint>;
  readonly credentials: CredentialSource;
}

/**
 * The names a run gives its destinations (the bucket also carries the account: S3 names are global).
 * @example destinationNames('eic-ab12cd', '123456789012').bucket // 'eic-ab12cd-123456789012'
 */
export const destinationNames = (runPrefix: string, account: string): Record<DestinationRef, string> => ({
  queue: `${runPrefix}-queue`,
  queue2: `${runPrefix}-queue-2`,
  topic: `${runPrefix}-topic`,
  bucket: `${runPrefix}-${account}`,
  bus: `${runPrefix}-bus`,
  deniedQueue: `${runPrefix}-queue-denied`,
  deniedTopic: `${runPrefix}-topic-denied`,
});

/** The destinations the delivery policy covers (the denied ones are left out on purpose). */
export const DELIVERABLE: readonly DestinationRef[] = ['queue', 'queue2', 'topic', 'bucket', 'bus'];

const listTags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const queryTags = (tags: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(tags).flatMap(([Key, Value], i) => [
      [`Tags.member.${i + 1}.Key`, Key],
      [`Tags.member.${i + 1}.Value`, Value],
    ]),
  );
const tagXml = (tags: Record<string, string>) =>
  `<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet>${Object.entries(tags)
    .map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`)
    .join('')}</TagSet></Tagging>`;

/**
 * Creates the destinations, each recorded in the ledger before its create call.
 * @example const destinations = await createDestinations(context, ledger)
 */
export async function createDestinations(ctx: DestinationContext, ledger: Ledger): Promise<RunDestinations> {
  const names = destinationNames(ctx.runPrefix, ctx.account);
  const arn = (service: string, resource: string) => `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.account}:${resource}`;
  const sqs = await ctx.endpoint('sqs');
  for (const name of [names.queue, names.queue2, names.deniedQueue]) {
    const url = `${sqs.url}/${ctx.account}/${name}`;
    await ledger.creating('queue', url, () => jsonCall(sqs, ctx.credentials, 'AmazonSQS.CreateQueue', '1.0', { QueueName: name, tags: ctx.tags }));
  }
  const sns = await ctx.endpoint('sns');
  for (const name of [names.topic, names.deniedTopic])
    await ledger.creating('topic', arn('sns', name), () => queryCall(sns, ctx.credentials, 'CreateTopic', '2010-03-31', { Name: name, ...queryTags(ctx.tags) }));
  const s3 = await ctx.endpoint('s3');
  await ledger.creating('bucket', names.bucket, async () => {
    const body =
      ctx.region === 'us-east-1'
        ? undefined
        : `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${ctx.region}</LocationConstraint></CreateBucketConfiguration>`;
    await s3Call(s3, ctx.credentials, 'PUT', names.bucket, '', body === undefined ? {} : { body });
    const tagging = tagXml(ctx.tags);
    await s3Call(s3, ctx.credentials, 'PUT', names.bucket, '', {
      query: { tagging: '' },
      body: tagging,
      headers: { 'content-md5': createHash('md5').update(tagging).digest('base64'), 'content-type': 'application/xml' },
    });
  });
  const events = await ctx.endpoint('eventbridge');
  await ledger.creating('event-bus', names.bus, () => jsonCall(events, ctx.credentials, 'AWSEvents.CreateEventBus', '1.1', { Name: names.bus, Tags: listTags(ctx.tags) }));
  return {
    names,
    arns: {
      queue: arn('sqs', names.queue),
      queue2: arn('sqs', names.queue2),
      topic: arn('sns', names.topic),
      bucket: `arn:${ctx.partition}:s3:::${names.bucket}`,
      bus: arn('events', `event-bus/${names.bus}`),
      deniedQueue: arn('sqs', names.deniedQueue),
      deniedTopic: arn('sns', names.deniedTopic),
    },
  };
}

/**
 * The inline policy that lets the execution role deliver to the run's destinations [docs: the
 * actions AWS checks] and invoke the run's own functions (Lambda destinations); it does not
 * cover `deniedQueue` and `deniedTopic`.
 */
export function deliveryPolicy(d: RunDestinations, functionArnPrefix: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: [d.arns.queue, d.arns.queue2] },
      { Effect: 'Allow', Action: 'sns:Publish', Resource: d.arns.topic },
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:ListBucket'], Resource: [d.arns.bucket, `${d.arns.bucket}/*`] },
      { Effect: 'Allow', Action: 'events:PutEvents', Resource: d.arns.bus },
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: `${functionArnPrefix}*` },
    ],
  };
}

/**
 * Deletes one destination named in the ledger; a missing one is not an error.
 * @example await deleteDestination(entry, endpoint, credentials)
 */
export async function deleteDestination(entry: LedgerEntry, endpoint: (service: ServiceName) => Promise<ServiceEndpoint>, credentials: CredentialSource): Promise<void> {
  const gone = (error: unknown) =>
    /NonExistent|NotFound|NoSuchBucket|ResourceNotFound/.test((error as Error).message) ||
    ['AWS.SimpleQueueService.NonExistentQueue', 'QueueDoesNotExist'].includes((error as { code?: string }).code ?? '');
  try {
    switch (entry.kind) {
      case 'queue':
        await jsonCall(await endpoint('sqs'), credentials, 'AmazonSQS.DeleteQueue', '1.0', { QueueUrl: entry.id });
        return;
      case 'topic':
        await queryCall(await endpoint('sns'), credentials, 'DeleteTopic', '2010-03-31', { TopicArn: entry.id });
        return;
      case 'bucket':
        await s3Call(await endpoint('s3'), credentials, 'DELETE', entry.id, '');
        return;
      case 'event-bus':
        await jsonCall(await endpoint('eventbridge'), credentials, 'AWSEvents.DeleteEventBus', '1.1', { Name: entry.id });
        return;
      default:
        throw new Error(`not a destination: ${entry.kind}`);
    }
  } catch (error) {
    if (!gone(error)) throw error;
  }
}
