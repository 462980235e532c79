/**
 * A scenario as a shell reproduction against any endpoint: the AWS CLI (v1 or v2) for every call,
 * and curl with SigV4 for the calls the CLI would refuse before sending (values below a minimum,
 * empty strings, malformed bodies), so a maintainer can paste it into an issue and run it.
 */
import { OPERATIONS, type OperationSpec } from '../../src/spec/operations.js';
import type { Given, RawRequest, Scenario, SdkRequest } from '../../cases/scenario.js';
import { isRaw } from '../../cases/scenario.js';
import { DESTINATION_NAMES, fill, otherRegionThan, type Vars } from '../../cases/placeholders.js';

const quote = (s: string) => (/^[A-Za-z0-9_.:/=@$+,-]+$/.test(s) && !s.includes('$') ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const ROLE = 'lambda-eic-repro';
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

/** The names, account and region a reproduction uses. */
export const reproVars = (account: string, region: string, partition = 'aws', suffix = ''): Vars => ({
  ...DESTINATION_NAMES,
  fn: `eic-repro${suffix}`,
  fn2: `eic-repro${suffix}-b`,
  account,
  region,
  partition,
  otherRegion: otherRegionThan(region),
});

/**
 * Whether the AWS CLI would refuse this input before sending it: botocore checks the model's
 * minimum values and lengths (not maximums or patterns). Nested destinations are checked too.
 */
function refusedByCli(request: SdkRequest): boolean {
  const spec = (OPERATIONS as Record<string, OperationSpec | undefined>)[request.operation];
  if (!spec) return false;
  const below = (value: unknown, shape: { type?: string; min?: number } | undefined): boolean =>
    shape?.min !== undefined && ((typeof value === 'number' && value < shape.min) || (typeof value === 'string' && value.length < shape.min));
  const destinations = (request.input.DestinationConfig ?? {}) as Record<string, { Destination?: unknown } | undefined>;
  return Object.entries(request.input).some(([key, value]) => below(value, spec.input[key]?.shape as { min?: number } | undefined)) || Object.values(destinations).some((d) => d?.Destination === '');
}

const flag = (operation: string, key: string, value: unknown): string[] => {
  const name = `--${kebab(key)}`;
  if (operation === 'ListFunctionEventInvokeConfigs' && key === 'MaxItems') return ['--max-items', String(value)];
  return [name, typeof value === 'object' ? quote(JSON.stringify(value)) : quote(String(value))];
};

/**
 * One call as an AWS CLI command line.
 * @example cliLine({ operation: 'GetFunctionEventInvokeConfig', input: { FunctionName: 'f' } }) // 'aws lambda get-function-event-invoke-config --endpoint-url "$E" --function-name f'
 */
export function cliLine(request: SdkRequest): string {
  const parts = ['aws lambda', kebab(request.operation), '--endpoint-url "$E"'];
  if (request.operation === 'ListFunctionEventInvokeConfigs') parts.push('--no-paginate');
  for (const [key, value] of Object.entries(request.input)) if (value !== undefined) parts.push(...flag(request.operation, key, value));
  return parts.join(' ');
}

/** One call as curl with SigV4 (curl >= 7.75), sent exactly as given. */
export function curlLine(request: SdkRequest | RawRequest, region: string): string {
  let method: string;
  let path: string;
  let body: string | undefined;
  if ('operation' in request) {
    const spec = (OPERATIONS as Record<string, OperationSpec | undefined>)[request.operation];
    if (!spec) return cliLine(request);
    method = spec.method;
    const query: string[] = [];
    const payload: Record<string, unknown> = {};
    path = spec.uri;
    for (const [key, member] of Object.entries(spec.input)) {
      const value = request.input[key];
      if (value === undefined) continue;
      if (member.location === 'uri') path = path.replace(`{${key}}`, encodeURIComponent(String(value)));
      else if (member.location === 'querystring') query.push(`${key}=${encodeURIComponent(String(value))}`);
      else payload[key] = value;
    }
    if (query.length > 0) path += `?${query.join('&')}`;
    body = spec.method === 'PUT' || spec.method === 'POST' ? JSON.stringify(payload) : undefined;
  } else ({ method, path, body } = request);
  const sign = `--aws-sigv4 'aws:amz:${region}:lambda' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`;
  return [`curl -sS -i -X ${method} "$E${path}"`, sign, ...(body !== undefined ? [`-H 'content-type: application/json' --data-raw ${quote(body)}`] : [])].join(' ');
}

function arrangeLines(given: Given | undefined, vars: Vars): string[] {
  if (!given) return [];
  const role = `arn:${vars.partition}:iam::${vars.account}:role/${ROLE}`;
  const lines = [
    `printf 'exports.handler = async () => ({});\\n' > index.js && python3 -m zipfile -c fn.zip index.js`,
    `aws iam create-role --endpoint-url "$E" --role-name ${ROLE} --assume-role-policy-document ${quote(TRUST)} > /dev/null 2>&1 || true`,
  ];
  for (const fn of given.functions) {
    const name = vars[fn.ref]!;
    lines.push(`aws lambda create-function --endpoint-url "$E" --function-name ${name} --runtime nodejs20.x --handler index.handler --role ${role} --zip-file fileb://fn.zip > /dev/null`);
    for (let v = 1; v <= (fn.versions ?? 0); v++) {
      if (v > 1) lines.push(`aws lambda update-function-configuration --endpoint-url "$E" --function-name ${name} --environment 'Variables={LAMBDA_EIC_REVISION=${v}}' > /dev/null`);
      lines.push(`aws lambda publish-version --endpoint-url "$E" --function-name ${name} > /dev/null`);
    }
    for (const alias of fn.aliases ?? []) lines.push(`aws lambda create-alias --endpoint-url "$E" --function-name ${name} --name ${alias.name} --function-version ${alias.version} > /dev/null`);
    for (const { qualifier, ...settings } of fn.configs ?? [])
      lines.push(`${cliLine({ operation: 'PutFunctionEventInvokeConfig', input: { FunctionName: name, ...(qualifier ? { Qualifier: qualifier } : {}), ...settings } })} > /dev/null`);
  }
  return lines;
}

/**
 * The shell lines that reproduce a scenario up to `uptoStep` (1-based), the last call's answer
 * printed (through curl -i when `showWire`, to see headers and the raw body); the functions it
 * creates are deleted at the end.
 * @example reproduction(scenario, 1, reproVars('000000000000', 'us-east-1')).join('\n')
 */
export function reproduction(scenario: Scenario, uptoStep: number, vars: Vars, showWire = false): string[] {
  const lines = arrangeLines(fill(scenario.given, vars), vars);
  for (const [index, step] of scenario.steps.slice(0, Math.max(1, uptoStep)).entries()) {
    const request = fill(step.request, vars);
    const last = index + 1 === uptoStep;
    // The last call goes through curl where the divergence is on the wire (headers, raw body).
    const viaCurl = isRaw(request) || refusedByCli(request) || (last && showWire);
    const line = isRaw(request) ? curlLine(request.raw, vars.region!) : viaCurl ? curlLine(request, vars.region!) : cliLine(request);
    lines.push(last ? line : `${line} > /dev/null`);
  }
  for (const fn of scenario.given?.functions ?? []) lines.push(`aws lambda delete-function --endpoint-url "$E" --function-name ${vars[fn.ref]} > /dev/null 2>&1 || true`);
  return lines;
}
