/**
 * Abstract fuzz actions as concrete Lambda calls, for a session's names and the target's identity.
 * With placeholder names (`{fn}`) and identity (`{account}`) the same calls print as scenario steps.
 */
import type { SdkRequest } from '../../cases/scenario.js';
import type { OperationName } from '../../src/spec/operations.js';
import { deploymentPackage } from '../../src/arrange/deployment-package.js';
import type { Action, Designator, DestinationKind, Settings } from './actions.js';

/** A call the model knows: an SdkRequest whose operation is one of the model's. */
export interface ModelCall extends SdkRequest {
  readonly operation: OperationName;
}

export interface RenderContext {
  /** The three function names, each a prefix of the next. */
  readonly names: readonly [string, string, string];
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly otherRegion: string;
  readonly role: string;
  /** The code of the next published version (distinct per publish so PublishVersion publishes). */
  readonly zip: (n: number) => unknown;
}

/** An account that is not the caller's, for other-account ARNs. */
export const OTHER_ACCOUNT = '000000001111';

/**
 * The session's three names: `base`, `base-x`, `base-x1`.
 * @example namesFor('fz-ab-7') // ['fz-ab-7', 'fz-ab-7-x', 'fz-ab-7-x1']
 */
export const namesFor = (base: string): [string, string, string] => [base, `${base}-x`, `${base}-x1`];

/** Placeholders in place of names and identity: calls rendered with it paste into a scenario. */
export const PLACEHOLDER_CONTEXT: RenderContext = {
  names: ['{fn}', '{fn}-x', '{fn}-x1'],
  account: '{account}',
  region: '{region}',
  partition: '{partition}',
  otherRegion: '{otherRegion}',
  role: '{role}',
  zip: (n) => `{zip:${n}}`,
};

/** The context for real calls. */
export const liveContext = (base: string, identity: { account: string; region: string; partition: string }, otherRegion: string, role: string): RenderContext => ({
  names: namesFor(base),
  ...identity,
  otherRegion,
  role,
  zip: (n) => deploymentPackage(n),
});

const arn = (c: RenderContext, region: string, account: string, resource: string) => `arn:${c.partition}:lambda:${region}:${account}:function:${resource}`;

/**
 * The FunctionName a designator spells.
 * @example functionName(ctx, { fn: 1, form: 'partial-arn', inName: '1' }) // '123456789012:function:fz-ab-7-x:1'
 */
export function functionName(c: RenderContext, d: Designator): string {
  const base = c.names[d.fn];
  const suffix = d.inName === undefined ? '' : `:${d.inName}`;
  switch (d.form) {
    case 'name':
      return `${base}${suffix}`;
    case 'partial-arn':
      return `${c.account}:function:${base}${suffix}`;
    case 'full-arn':
      return arn(c, c.region, c.account, `${base}${suffix}`);
    case 'other-region-arn':
      return arn(c, c.otherRegion, c.account, `${base}${suffix}`);
    case 'other-account-arn':
      return arn(c, c.region, OTHER_ACCOUNT, `${base}${suffix}`);
  }
}

/**
 * The ARN a destination kind stands for.
 * @example destinationArn(ctx, 'sqs') // 'arn:aws:sqs:us-east-1:123456789012:eic-destination'
 */
export function destinationArn(c: RenderContext, kind: Exclude<DestinationKind, 'empty'>): string {
  const p = c.partition;
  switch (kind) {
    case 'empty-string':
      return '';
    case 'sqs':
      return `arn:${p}:sqs:${c.region}:${c.account}:eic-destination`;
    case 'sqs2':
      return `arn:${p}:sqs:${c.region}:${c.account}:eic-destination-2`;
    case 'sns':
      return `arn:${p}:sns:${c.region}:${c.account}:eic-topic`;
    case 'events':
      return `arn:${p}:events:${c.region}:${c.account}:event-bus/default`;
    case 's3':
      return `arn:${p}:s3:::eic-bucket`;
    case 'lambda-0':
    case 'lambda-1':
    case 'lambda-2':
      return arn(c, c.region, c.account, c.names[Number(kind.slice(-1)) as 0 | 1 | 2]);
    case 'lambda-0-version':
      return arn(c, c.region, c.account, `${c.names[0]}:1`);
    case 'lambda-missing':
      return arn(c, c.region, c.account, `${c.names[0]}-missing`);
    case 'lambda-other-region':
      return arn(c, c.otherRegion, c.account, c.names[1]);
    case 'iam':
      return `arn:${p}:iam::${c.account}:role/eic-role`;
    case 'malformed':
      return 'not-an-arn';
    case 'kafka':
      return 'kafka://eic-topic';
  }
}

function settingsInput(c: RenderContext, s: Settings): Record<string, unknown> {
  const dest = (kind: DestinationKind) => (kind === 'empty' ? {} : { Destination: destinationArn(c, kind) });
  return {
    ...(s.retries !== undefined ? { MaximumRetryAttempts: s.retries } : {}),
    ...(s.age !== undefined ? { MaximumEventAgeInSeconds: s.age } : {}),
    ...(s.destinations !== undefined
      ? {
          DestinationConfig: Object.fromEntries(
            Object.entries(s.destinations)
              .filter(([, kind]) => kind !== undefined)
              .map(([key, kind]) => [key, dest(kind as DestinationKind)]),
          ),
        }
      : {}),
  };
}

const targetInput = (c: RenderContext, d: Designator) => ({ FunctionName: functionName(c, d), ...(d.param !== undefined ? { Qualifier: d.param } : {}) });

/**
 * The calls one action makes (PublishVersion first changes the code, so a version is published;
 * List gives its first page here, later pages follow the markers).
 * @example requestsFor(ctx, { kind: 'Get', target: { fn: 0, form: 'name' } }, 1) // [{ operation: 'GetFunctionEventInvokeConfig', input: { FunctionName: 'fz-ab-7' } }]
 */
export function requestsFor(c: RenderContext, action: Action, serial: number): ModelCall[] {
  switch (action.kind) {
    case 'CreateFunction':
      return [
        {
          operation: 'CreateFunction',
          input: { FunctionName: c.names[action.fn], Role: c.role, Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: c.zip(0) } },
        },
      ];
    case 'PublishVersion':
      return [
        { operation: 'UpdateFunctionCode', input: { FunctionName: c.names[action.fn], ZipFile: c.zip(serial) } },
        { operation: 'PublishVersion', input: { FunctionName: c.names[action.fn] } },
      ];
    case 'CreateAlias':
      return [{ operation: 'CreateAlias', input: { FunctionName: c.names[action.fn], Name: action.alias, FunctionVersion: action.version } }];
    case 'DeleteAlias':
      return [{ operation: 'DeleteAlias', input: { FunctionName: c.names[action.fn], Name: action.alias } }];
    case 'DeleteFunction':
      return [{ operation: 'DeleteFunction', input: { FunctionName: c.names[action.fn] } }];
    case 'Put':
      return [{ operation: 'PutFunctionEventInvokeConfig', input: { ...targetInput(c, action.target), ...settingsInput(c, action.settings) } }];
    case 'Update':
      return [{ operation: 'UpdateFunctionEventInvokeConfig', input: { ...targetInput(c, action.target), ...settingsInput(c, action.settings) } }];
    case 'PutEach':
      return [
        ...(action.publish ? requestsFor(c, { kind: 'PublishVersion', fn: action.fn }, serial) : []),
        ...(action.qualifiers ?? ['$LATEST']).map((q) => ({
          operation: 'PutFunctionEventInvokeConfig' as const,
          input: { FunctionName: c.names[action.fn], ...(q !== '$LATEST' ? { Qualifier: q } : {}), MaximumRetryAttempts: 1 },
        })),
      ];
    case 'Get':
      return [{ operation: 'GetFunctionEventInvokeConfig', input: targetInput(c, action.target) }];
    case 'Delete':
      return [{ operation: 'DeleteFunctionEventInvokeConfig', input: targetInput(c, action.target) }];
    case 'Fault':
      // The call that takes the fault: a Put that would otherwise store a config.
      return [{ operation: 'PutFunctionEventInvokeConfig', input: { FunctionName: c.names[action.fn], MaximumRetryAttempts: 1 } }];
    case 'List':
      return [
        {
          operation: 'ListFunctionEventInvokeConfigs',
          input: { FunctionName: functionName(c, action.target), ...(action.maxItems !== undefined ? { MaxItems: action.maxItems } : {}) },
        },
      ];
  }
}

/**
 * One line for an action, for progress and fast-check's own printing.
 * @example describeAction({ kind: 'Get', target: { fn: 0, form: 'name', param: '1' } }) // 'Get(fn0 name ?Qualifier=1)'
 */
export function describeAction(action: Action): string {
  const d = (t: Designator) => `fn${t.fn} ${t.form}${t.inName !== undefined ? ` :${t.inName.slice(0, 12)}` : ''}${t.param !== undefined ? ` ?Qualifier=${t.param.slice(0, 12)}` : ''}`;
  switch (action.kind) {
    case 'Put':
    case 'Update':
      return `${action.kind}(${d(action.target)} ${JSON.stringify(action.settings)})`;
    case 'Get':
    case 'Delete':
      return `${action.kind}(${d(action.target)})`;
    case 'List':
      return `List(${d(action.target)}${action.maxItems !== undefined ? ` MaxItems=${action.maxItems}` : ''})`;
    case 'CreateAlias':
      return `CreateAlias(fn${action.fn} ${action.alias}->${action.version})`;
    case 'DeleteAlias':
      return `DeleteAlias(fn${action.fn} ${action.alias})`;
    case 'Fault':
      return `Fault(${action.fault} on a Put of fn${action.fn})`;
    case 'PutEach':
      return `PutEach(fn${action.fn}${action.publish ? ' after PublishVersion' : ''}${action.qualifiers ? ` ${action.qualifiers.join(',')}` : ''} {"retries":1})`;
    default:
      return `${action.kind}(fn${action.fn})`;
  }
}
