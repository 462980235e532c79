/**
 * Finding what runs left behind (a run killed outright cannot tear down): functions and roles
 * whose name starts with the run prefix `eic-` and that carry the `lambda-eic:run` tag, older
 * than a cut-off by their `lambda-eic:created` tag.
 */
import type { AwsTarget } from './aws-target.js';

export const RUN_PREFIX = 'eic-';
export const RUN_TAG = 'lambda-eic:run';
export const CREATED_TAG = 'lambda-eic:created';

export interface Leftover {
  readonly kind: 'function' | 'role';
  readonly name: string;
  readonly run: string;
  readonly createdAt: string | undefined;
}

/** Whether tags mark a resource of a run created before `cutoff` (ms since epoch). */
const ours = (tags: Record<string, string> | undefined, cutoff: number): tags is Record<string, string> => {
  if (!tags?.[RUN_TAG]) return false;
  const created = Date.parse(tags[CREATED_TAG] ?? '');
  return Number.isNaN(created) || created <= cutoff;
};

/**
 * Lists the leftovers in the target's account and region (read-only).
 * @example await findLeftovers(target, Date.now() - 3_600_000)
 */
export async function findLeftovers(target: AwsTarget, cutoff: number): Promise<Leftover[]> {
  const found: Leftover[] = [];
  let marker: string | undefined;
  do {
    const page = await target.lambdaCall({ operation: 'ListFunctions', input: { MaxItems: 50, ...(marker ? { Marker: marker } : {}) } });
    if (page.error) throw new Error(`ListFunctions: ${page.error.code}: ${page.error.message}`);
    const functions = (page.output?.Functions ?? []) as Array<{ FunctionName?: string }>;
    for (const name of functions.map((f) => f.FunctionName ?? '').filter((n) => n.startsWith(RUN_PREFIX))) {
      const got = await target.lambdaCall({ operation: 'GetFunction', input: { FunctionName: name } });
      const tags = got.output?.Tags as Record<string, string> | undefined;
      if (ours(tags, cutoff)) found.push({ kind: 'function', name, run: tags[RUN_TAG]!, createdAt: tags[CREATED_TAG] });
    }
    marker = page.output?.NextMarker as string | undefined;
  } while (marker);
  const iam = await target.iamClient();
  for (const role of await iam.rolesNamed(RUN_PREFIX))
    if (ours(role.tags, cutoff)) found.push({ kind: 'role', name: role.name, run: role.tags[RUN_TAG]!, createdAt: role.tags[CREATED_TAG] });
  return found;
}

/**
 * Deletes leftovers (functions first, then roles); answers the ones that could not be deleted.
 * @example const failed = await deleteLeftovers(target, await findLeftovers(target, cutoff))
 */
export async function deleteLeftovers(target: AwsTarget, leftovers: readonly Leftover[]): Promise<Array<Leftover & { error: string }>> {
  const failed: Array<Leftover & { error: string }> = [];
  const iam = await target.iamClient();
  for (const item of [...leftovers].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'function' ? -1 : 1))) {
    try {
      if (item.kind === 'role') await iam.deleteRole(item.name);
      else {
        const seen = await target.lambdaCall({ operation: 'DeleteFunction', input: { FunctionName: item.name } });
        if (seen.error && seen.status !== 404) throw new Error(`${seen.error.code}: ${seen.error.message}`);
      }
    } catch (error) {
      failed.push({ ...item, error: (error as Error).message });
    }
  }
  return failed;
}
