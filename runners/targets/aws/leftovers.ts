/**
 * Finding what runs left behind (a run killed outright cannot tear down): functions, roles and
 * destinations whose name starts with the run prefix `eic-` and that carry the `lambda-eic:run`
 * tag, older than a cut-off by their `lambda-eic:created` tag. Untagged `eic-*` resources are
 * never touched.
 */
import { jsonCall, queryCall, s3Call, xmlValue, xmlValues, type CredentialSource } from './aws-call.js';
import type { AwsTarget } from './aws-target.js';
import { deleteDestination } from './destinations.js';
import type { ServiceEndpoint, ServiceName } from './endpoints.js';
import type { ResourceKind } from './ledger.js';

export const RUN_PREFIX = 'eic-';
export const RUN_TAG = 'lambda-eic:run';
export const CREATED_TAG = 'lambda-eic:created';

export interface Leftover {
  readonly kind: ResourceKind;
  /** What its delete call takes: a name, a queue URL, a topic ARN. */
  readonly id: string;
  readonly name: string;
  readonly run: string;
  readonly createdAt: string | undefined;
}

type Tagged = { kind: ResourceKind; id: string; name: string; tags: Record<string, string> | undefined };

/** Whether tags mark a resource of a run created before `cutoff` (ms since epoch). */
const ours = (tags: Record<string, string> | undefined, cutoff: number): tags is Record<string, string> => {
  if (!tags?.[RUN_TAG]) return false;
  const created = Date.parse(tags[CREATED_TAG] ?? '');
  return Number.isNaN(created) || created <= cutoff;
};

const pairs = (keys: string[], values: string[]) => Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));

/** The `eic-*` destinations of every kind in moto or AWS, with their tags (read-only). */
export async function taggedDestinations(endpoint: (s: ServiceName) => Promise<ServiceEndpoint>, credentials: CredentialSource): Promise<Tagged[]> {
  const found: Tagged[] = [];
  const sqs = await endpoint('sqs');
  const queues = (await jsonCall(sqs, credentials, 'AmazonSQS.ListQueues', '1.0', { QueueNamePrefix: RUN_PREFIX, MaxResults: 1000 })).QueueUrls as string[] | undefined;
  for (const url of queues ?? []) {
    const tags = (await jsonCall(sqs, credentials, 'AmazonSQS.ListQueueTags', '1.0', { QueueUrl: url })).Tags as Record<string, string> | undefined;
    found.push({ kind: 'queue', id: url, name: url.split('/').pop()!, tags });
  }
  const sns = await endpoint('sns');
  let token: string | undefined;
  do {
    const xml = await queryCall(sns, credentials, 'ListTopics', '2010-03-31', token ? { NextToken: token } : {});
    for (const arn of xmlValues(xml, 'TopicArn').filter((a) => a.split(':').pop()!.startsWith(RUN_PREFIX))) {
      const tagXml = await queryCall(sns, credentials, 'ListTagsForResource', '2010-03-31', { ResourceArn: arn });
      found.push({ kind: 'topic', id: arn, name: arn.split(':').pop()!, tags: pairs(xmlValues(tagXml, 'Key'), xmlValues(tagXml, 'Value')) });
    }
    token = xmlValue(xml, 'NextToken');
  } while (token);
  const s3 = await endpoint('s3');
  for (const bucket of xmlValues(await s3Call(s3, credentials, 'GET', '', ''), 'Name').filter((n) => n.startsWith(RUN_PREFIX))) {
    const tagXml = await s3Call(s3, credentials, 'GET', bucket, '', { query: { tagging: '' } }).catch(() => '');
    found.push({ kind: 'bucket', id: bucket, name: bucket, tags: pairs(xmlValues(tagXml, 'Key'), xmlValues(tagXml, 'Value')) });
  }
  const events = await endpoint('eventbridge');
  const buses = (await jsonCall(events, credentials, 'AWSEvents.ListEventBuses', '1.1', { NamePrefix: RUN_PREFIX })).EventBuses as Array<{ Name: string; Arn: string }> | undefined;
  for (const bus of buses ?? []) {
    const tags = (await jsonCall(events, credentials, 'AWSEvents.ListTagsForResource', '1.1', { ResourceARN: bus.Arn })).Tags as Array<{ Key: string; Value: string }> | undefined;
    found.push({ kind: 'event-bus', id: bus.Name, name: bus.Name, tags: Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value])) });
  }
  return found;
}

/**
 * Lists the leftovers in the target's account and region (read-only).
 * @example await findLeftovers(target, Date.now() - 3_600_000)
 */
export async function findLeftovers(target: AwsTarget, cutoff: number): Promise<Leftover[]> {
  const tagged: Tagged[] = [];
  let marker: string | undefined;
  do {
    const page = await target.lambdaCall({ operation: 'ListFunctions', input: { MaxItems: 50, ...(marker ? { Marker: marker } : {}) } });
    if (page.error) throw new Error(`ListFunctions: ${page.error.code}: ${page.error.message}`);
    const functions = (page.output?.Functions ?? []) as Array<{ FunctionName?: string }>;
    for (const name of functions.map((f) => f.FunctionName ?? '').filter((n) => n.startsWith(RUN_PREFIX))) {
      const got = await target.lambdaCall({ operation: 'GetFunction', input: { FunctionName: name } });
      tagged.push({ kind: 'function', id: name, name, tags: got.output?.Tags as Record<string, string> | undefined });
    }
    marker = page.output?.NextMarker as string | undefined;
  } while (marker);
  tagged.push(...(await taggedDestinations(target.serviceEndpoint, target.credentials)));
  const iam = await target.iamClient();
  for (const role of await iam.rolesNamed(RUN_PREFIX)) tagged.push({ kind: 'role', id: role.name, name: role.name, tags: role.tags });
  return tagged.filter((t) => ours(t.tags, cutoff)).map((t) => ({ kind: t.kind, id: t.id, name: t.name, run: t.tags![RUN_TAG]!, createdAt: t.tags![CREATED_TAG] }));
}

/** Deletion order: functions first, the role last (its policy names the destinations). */
const ORDER: readonly ResourceKind[] = ['function', 'queue', 'topic', 'bucket', 'event-bus', 'role-policy', 'role'];

/**
 * Deletes leftovers; answers the ones that could not be deleted.
 * @example const failed = await deleteLeftovers(target, await findLeftovers(target, cutoff))
 */
export async function deleteLeftovers(target: AwsTarget, leftovers: readonly Leftover[]): Promise<Array<Leftover & { error: string }>> {
  const failed: Array<Leftover & { error: string }> = [];
  const iam = await target.iamClient();
  for (const item of [...leftovers].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))) {
    try {
      if (item.kind === 'role') await iam.deleteRole(item.id);
      else if (item.kind === 'function') {
        const seen = await target.lambdaCall({ operation: 'DeleteFunction', input: { FunctionName: item.id } });
        if (seen.error && seen.status !== 404) throw new Error(`${seen.error.code}: ${seen.error.message}`);
      } else await deleteDestination({ kind: item.kind, id: item.id, createdAt: item.createdAt ?? '' }, target.serviceEndpoint, target.credentials);
    } catch (error) {
      failed.push({ ...item, error: (error as Error).message });
    }
  }
  return failed;
}
