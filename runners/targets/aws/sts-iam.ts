/**
 * STS and IAM, the two services a real-account run needs before anything else: who the caller is
 * (GetCallerIdentity, read-only, before any write) and the run's execution role.
 */
import { AwsCallError, queryCall, xmlValue, xmlValues, type CredentialSource } from './aws-call.js';
import type { ServiceEndpoint } from './endpoints.js';

const STS_VERSION = '2011-06-15';
const IAM_VERSION = '2010-05-08';

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly partition: string;
}

/**
 * STS GetCallerIdentity: the account the credentials belong to.
 * @example await callerIdentity(stsEndpoint, credentials) // { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', partition: 'aws' }
 */
export async function callerIdentity(sts: ServiceEndpoint, credentials: CredentialSource): Promise<CallerIdentity> {
  const xml = await queryCall(sts, credentials, 'GetCallerIdentity', STS_VERSION, {});
  const account = xmlValue(xml, 'Account');
  const arn = xmlValue(xml, 'Arn') ?? '';
  if (!account || !/^\d{12}$/.test(account)) throw new AwsCallError('sts', 'InvalidResponse', 200, `GetCallerIdentity answered no account: ${xml.slice(0, 200)}`);
  return { account, arn, partition: arn.split(':')[1] || 'aws' };
}

/** The trust policy that lets Lambda assume the execution role. */
export const LAMBDA_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const tagParams = (tags: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tags).flatMap(([Key, Value], i) => [
      [`Tags.member.${i + 1}.Key`, Key],
      [`Tags.member.${i + 1}.Value`, Value],
    ]),
  );

/** The IAM calls of a run: its role, the role's inline policy, and finding leftovers. */
export class Iam {
  constructor(
    private readonly endpoint: ServiceEndpoint,
    private readonly credentials: CredentialSource,
  ) {}

  private call(action: string, params: Record<string, string>): Promise<string> {
    return queryCall(this.endpoint, this.credentials, action, IAM_VERSION, params);
  }

  /**
   * CreateRole with Lambda's trust policy and the run's tags; answers the role ARN.
   * @example await iam.createRole('eic-ab12-role', { 'lambda-eic:run': 'eic-ab12' })
   */
  async createRole(name: string, tags: Record<string, string>): Promise<string> {
    const xml = await this.call('CreateRole', {
      RoleName: name,
      AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY,
      Description: 'lambda-eic-conformance run role: deleted at the end of the run',
      ...tagParams(tags),
    });
    const arn = xmlValue(xml, 'Arn');
    if (!arn) throw new AwsCallError('iam', 'InvalidResponse', 200, 'CreateRole answered no Arn');
    return arn;
  }

  /** PutRolePolicy: an inline policy (the destinations the role may deliver to). */
  async putRolePolicy(role: string, policyName: string, document: unknown): Promise<void> {
    await this.call('PutRolePolicy', { RoleName: role, PolicyName: policyName, PolicyDocument: JSON.stringify(document) });
  }

  /** Deletes a role with its inline policies and attached managed policies; a missing role is not an error. */
  async deleteRole(role: string): Promise<void> {
    try {
      for (const policy of xmlValues(await this.call('ListRolePolicies', { RoleName: role }), 'member')) await this.call('DeleteRolePolicy', { RoleName: role, PolicyName: policy });
      for (const arn of xmlValues(await this.call('ListAttachedRolePolicies', { RoleName: role }), 'PolicyArn')) await this.call('DetachRolePolicy', { RoleName: role, PolicyArn: arn });
      await this.call('DeleteRole', { RoleName: role });
    } catch (error) {
      if (error instanceof AwsCallError && error.code === 'NoSuchEntity') return;
      throw error;
    }
  }

  /** Every role whose name starts with `prefix`, with its tags (ListRoles pages, then ListRoleTags). */
  async rolesNamed(prefix: string): Promise<Array<{ name: string; tags: Record<string, string> }>> {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const xml = await this.call('ListRoles', { MaxItems: '1000', ...(marker ? { Marker: marker } : {}) });
      names.push(...xmlValues(xml, 'RoleName').filter((n) => n.startsWith(prefix)));
      marker = xmlValue(xml, 'IsTruncated') === 'true' ? xmlValue(xml, 'Marker') : undefined;
    } while (marker);
    const roles = [];
    for (const name of names) {
      const xml = await this.call('ListRoleTags', { RoleName: name });
      const keys = xmlValues(xml, 'Key');
      const values = xmlValues(xml, 'Value');
      roles.push({ name, tags: Object.fromEntries(keys.map((k, i) => [k, values[i] ?? ''])) });
    }
    return roles;
  }
}
