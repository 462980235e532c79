/**
 * A shrunk fuzz sequence as a ready-to-paste scenario in the suites' own format (`suites/dsl.ts`
 * builders), with placeholders for names and identity and the evidence tag of each expectation.
 */
import type { Evidence } from '../../src/spec/errors.js';
import { requestsFor, PLACEHOLDER_CONTEXT, type RenderContext } from './render.js';
import type { LoggedStep } from './session.js';

const js = (value: unknown): string => JSON.stringify(value, (_k, v) => (v instanceof Date ? `<${v.toISOString()}>` : v));

/** Puts the placeholders back into a value the model answered (names, account, region). */
export function placeholders(live: RenderContext): (value: unknown) => unknown {
  const pairs: Array<[string, string]> = [
    [live.names[2], PLACEHOLDER_CONTEXT.names[2]],
    [live.names[1], PLACEHOLDER_CONTEXT.names[1]],
    [live.names[0], PLACEHOLDER_CONTEXT.names[0]],
    [`:${live.account}:`, ':{account}:'],
    [`:${live.region}:`, ':{region}:'],
    [`:${live.otherRegion}:`, ':{otherRegion}:'],
    [`('${live.region}')`, "('{region}')"],
    [`'${live.otherRegion}'`, "'{otherRegion}'"],
    [`arn:${live.partition}:`, 'arn:{partition}:'],
  ];
  const swap = (text: string) => pairs.reduce((t, [from, to]) => t.split(from).join(to), text);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return swap(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value instanceof Date) return value;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk;
}

/** A List walked page by page: each page's size and marker, then every config once across pages. */
function listSteps(input: Readonly<Record<string, unknown>>, logged: LoggedStep, back: (v: unknown) => unknown): string[] {
  const pages = logged.exchanges.filter((e) => e.expected.status !== undefined);
  const arns: unknown[] = [];
  return pages.map((page, i) => {
    const items = (page.expected.output?.FunctionEventInvokeConfigs as Array<{ FunctionArn?: string }> | undefined) ?? [];
    arns.push(...items.map((c) => back(c.FunctionArn)));
    const request = js(i === 0 ? input : { ...input, Marker: '{@m}' });
    const more = page.expected.output?.NextMarker !== undefined;
    const checks = [
      `status(200, 'recorded')`,
      `{ at: 'output.FunctionEventInvokeConfigs.length', equals: ${items.length}, evidence: 'recorded' }`,
      more ? `matches('NextMarker', 'non-empty-string', 'recorded')` : `absent('NextMarker', 'recorded')`,
    ];
    if (!more) checks.push(`{ at: 'collected.arns', sameMembers: ${js(arns)}, evidence: 'recorded' }`);
    return `      { ...step(call('ListFunctionEventInvokeConfigs', ${request}), ${checks.join(', ')}), ${more ? "save: { m: 'output.NextMarker' }, " : ''}collect: { into: 'arns', from: 'output.FunctionEventInvokeConfigs.*.FunctionArn' } },`;
  });
}

export interface PrintOptions {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly live: RenderContext;
}

/**
 * The scenario text: every step with its request and the model's status; the last step (where
 * the target differs) with the full expectation and the evidence of the deciding rule.
 * @example printScenario(log, { id: 'fuzz.seed-1-1', title: '...', source: 'lambda-eic fuzz --seed 1', live })
 */
export function printScenario(log: readonly LoggedStep[], options: PrintOptions): string {
  const back = placeholders(options.live);
  const lines: string[] = [];
  log.forEach((logged, index) => {
    const last = index === log.length - 1;
    const requests = requestsFor(PLACEHOLDER_CONTEXT, logged.action, index + 1);
    requests.forEach((request, n) => {
      const exchange = logged.exchanges[n];
      const expected = exchange?.expected;
      const tag = (path: string): Evidence =>
        logged.differences.find((d) => d.path === path || d.path.endsWith(`.${path}`))?.evidence ?? (expected?.error ? (exchange?.verdict.errorEvidence ?? 'inferred') : 'recorded');
      const expectations: string[] = [];
      if (expected?.status !== undefined) expectations.push(`status(${expected.status}, '${last ? tag('status') : 'inferred'}')`);
      if (last && expected?.error) {
        expectations.push(`{ at: 'error.code', equals: ${js(expected.error.code)}, evidence: '${tag('error.code')}' }`);
        expectations.push(`{ at: 'error.message', equals: ${js(back(expected.error.message))}, evidence: '${tag('error.message')}' }`);
      } else if (last && expected?.output && request.operation !== 'ListFunctionEventInvokeConfigs') {
        for (const [member, value] of Object.entries(expected.output)) {
          if (value === undefined) continue;
          if (member === 'LastModified') expectations.push(`matches('LastModified', 'date', 'recorded')`);
          else expectations.push(`field(${js(member)}, ${js(back(value))}, '${tag(`output.${member}`)}')`);
        }
        for (const d of logged.differences) if (d.path.startsWith('output.') && expected.output[d.path.slice(7)] === undefined) expectations.push(`absent(${js(d.path.slice(7))}, '${d.evidence}')`);
      } else if (last && request.operation === 'ListFunctionEventInvokeConfigs' && expected?.output) {
        lines.push(...listSteps(request.input, logged, back));
        return;
      }
      const input = js(request.input).replace(/"\{zip:(\d+)\}"/g, "'{zip:$1}'");
      const fault = logged.action.kind === 'Fault' ? `, fault: { kind: '${logged.action.fault}', retryAfterSeconds: 0 }` : '';
      lines.push(
        fault ? `      { ...step(call('${request.operation}', ${input}), ${expectations.join(', ')})${fault} },` : `      step(call('${request.operation}', ${input}), ${expectations.join(', ')}),`,
      );
    });
  });
  return [`  // ${options.title}`, `  scenario(${js(options.id)}, ${js(options.title)}, ${js(options.source)}, {`, '    steps: [', ...lines, '    ],', '  }),'].join('\n');
}
