/**
 * Writes baselines/moto.json from a JSON report of a run against moto_server: one entry per
 * failing scenario, with a one-line reason built from its first failing expectation.
 *
 *   node bin/lambda-eic.js run --target endpoint --endpoint-url http://127.0.0.1:5000 --reporter json --output-dir /tmp/moto
 *   node dist/scripts/moto-baseline.js /tmp/moto/lambda-eic-report.json [moto version]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { RunReport } from '../runners/engine/report.js';
import type { Failure, ScenarioResult } from '../runners/engine/run.js';

type Rule = [test: (f: Failure, r: ScenarioResult) => boolean, reason: (f: Failure, r: ScenarioResult) => string];

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));
const op = (f: Failure) => (f.request as { operation?: string } | undefined)?.operation ?? 'the call';

const RULES: Rule[] = [
  [(f) => f.path === 'arrange', (f) => `arranging the state failed on moto: ${text(f.actual)}`],
  [(f) => Boolean((f.request as { raw?: unknown } | undefined)?.raw),
    (f) => `moto answers a malformed request body (${(f.request as { raw: { body?: string } }).raw.body}) with ${text(f.actual)} and an HTML page (AWS: a 4xx JSON error with x-amzn-ErrorType)`],
  [(f) => /not valid JSON|<!doctype|<html/i.test(text(f.actual)) || f.actual === 500 || f.actual === 'SyntaxError',
    (f) => `moto answers ${op(f)} for this FunctionName form (${text((f.request as { input?: { FunctionName?: string } }).input?.FunctionName).slice(0, 40)}...) with an HTML page instead of the AWS JSON answer`],
  [(f) => /Expected real number|TypeError/.test(text(f.actual)) || (f.path === 'error.code' && f.actual === 'TypeError'),
    (f) => `moto's ${op(f)} answers LastModified as an ISO-8601 string, which the AWS SDK cannot parse (AWS sends epoch seconds)`],
  [(f) => f.path.endsWith('LastModified'), (f) => `moto's ${op(f)} answers LastModified as an ISO-8601 string (AWS sends epoch seconds with a fraction)`],
  [(f) => f.path.endsWith('FunctionArn') && typeof f.actual === 'string' && !/:[^:]+:[^:]+$/.test(f.actual.replace(/^.*:function:/, 'function:')),
    (f) => `moto answers ${op(f)} with an unqualified FunctionArn and no empty DestinationConfig (AWS: "...:function:<fn>:$LATEST" and {"OnSuccess": {}, "OnFailure": {}})`],
  [(f) => f.path.endsWith('FunctionArn') && f.actual === undefined, (f) => `moto's ${op(f)} answer leaves out the stored config's fields (AWS answers the whole merged config)`],
  [(f) => f.path.endsWith('FunctionArn'), (f) => `moto's ${op(f)} answers FunctionArn ${text(f.actual)} for the qualifier AWS names (${text(f.expected)})`],
  [(f) => f.path.includes('DestinationConfig'), (f) => `moto omits empty OnSuccess/OnFailure members of DestinationConfig in ${op(f)} (AWS always sends both keys)`],
  [(f) => f.path === 'status' && f.expected === 400 && f.actual === 200 && /Qualifier/.test(text(f.request)) && /FunctionName":"[^"]*:/.test(text(f.request)),
    () => 'moto does not compare the qualifier in FunctionName with the Qualifier parameter (AWS: 400 "The derived qualifier from the function name does not match the specified qualifier.")'],
  [(f, r) => f.path === 'status' && f.expected === 400 && r.suite === 'ranges', (f) => `moto does not validate ${op(f)} input ranges, lengths or patterns (AWS: 400 ValidationException)`],
  [(f, r) => f.path === 'status' && f.expected === 400 && r.suite === 'destinations', (f) => `moto does not check destinations on ${op(f)} (AWS refuses this destination with 400 InvalidParameterValueException)`],
  [(f) => f.path === 'status' && f.expected === 400 && f.actual === 404 && /Qualifier/.test(text(f.request)),
    () => 'moto looks the function up before checking the qualifiers agree (AWS: 400 "The derived qualifier ... does not match" comes first)'],
  [(f) => f.path === 'status' && f.expected === 400 && /EventInvokeConfig/.test(op(f)) && !/MaximumRetryAttempts|MaximumEventAgeInSeconds|DestinationConfig/.test(text(f.request)),
    (f) => `moto accepts ${op(f)} with no setting (AWS: 400 "You must specify at least one of error handling or destination setting.", before any lookup)`],
  [(f) => f.path === 'status' && f.expected === 400 && f.actual === 404, (f) => `moto looks the function up before validating ${op(f)} (AWS answers the 400 first)`],
  [(f) => f.path === 'status' && f.expected === 400, (f) => `moto accepts ${op(f)} input AWS refuses with a 400 (${text(f.actual)} instead)`],
  [(f) => f.path === 'status' && f.expected === 404 && f.actual === 200 && op(f) === 'UpdateFunctionEventInvokeConfig', () => "moto's Update creates a missing config (AWS: 404 \"... doesn't have an EventInvokeConfig\"; Update never creates)"],
  [(f) => f.path === 'status' && f.expected === 404 && f.actual === 200, (f) => `moto keeps one config per function and ignores the qualifier: ${op(f)} finds a config AWS does not have for this qualifier`],
  [(f) => f.path === 'status' && f.expected === 200 && f.actual === 404, (f) => `moto keeps one config per function: after another qualifier's change ${op(f)} finds none`],
  [(f) => f.path === 'status', (f) => `moto answers ${op(f)} with status ${text(f.actual)} (AWS: ${text(f.expected)})`],
  [(f) => f.path === 'error.message' && /Function not found/.test(text(f.actual)), (f) => `moto words the missing-function 404 of ${op(f)} "Function not found: <arn>" (AWS: ${text(f.expected).replace(/arn:[^ ]+/, '<qualified arn>')})`],
  [(f) => f.path === 'error.message' && /doesn't have an EventInvokeConfig/.test(text(f.actual)), () => "moto's \"doesn't have an EventInvokeConfig\" message names the unqualified ARN (AWS adds the qualifier, $LATEST by default)"],
  [(f) => f.path === 'error.message' && /not reachable/.test(text(f.expected)), () => "moto ignores the region of a full ARN (AWS: 404 \"Functions from '<region>' are not reachable in this region\")"],
  [(f) => f.path === 'error.message' && /validation error/.test(text(f.expected)), () => 'moto words or counts validation errors differently (AWS lists every violation: "N validation errors detected: ...; ...")'],
  [(f) => f.path === 'error.message', (f) => `moto's ${op(f)} error message differs from AWS (${text(f.expected).slice(0, 60)})`],
  [(f) => f.path.startsWith('wire.body.') && f.path.endsWith('Type'), () => 'moto\'s error body lacks "Type": "User" and the AWS message member ({"Type": "User", "Message": ...})'],
  [(f) => f.path.includes('FunctionEventInvokeConfigs') || f.path === 'collected.arns' || f.path.endsWith('NextMarker'),
    () => "moto's ListFunctionEventInvokeConfigs answer does not hold the configs with MaxItems/NextMarker paging as AWS does"],
];

/** The reason for one failing scenario. */
export function reasonFor(result: ScenarioResult): string {
  const failure = result.failures.find((f) => !f.advisory)!;
  const rule = RULES.find(([test]) => test(failure, result));
  const reason = rule ? rule[1](failure, result) : `moto differs at ${failure.path}: expected ${text(failure.expected)}, got ${text(failure.actual)}`;
  return reason.replace(/eic-[0-9a-f]{6}-\d+(-b)?/g, '<fn>');
}

const [reportPath, version = 'moto'] = process.argv.slice(2);
if (reportPath) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as RunReport;
  const known = report.results.filter((r) => r.status === 'failed' || r.status === 'known').map((r) => ({ id: r.id, reason: reasonFor(r) }));
  writeFileSync('baselines/moto.json', `${JSON.stringify({ target: version, known }, null, 2)}\n`);
  console.log(`baselines/moto.json: ${known.length} known divergences`);
}
