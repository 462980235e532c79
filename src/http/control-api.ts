/**
 * The emulator's own control API under a reserved prefix (in the spirit of moto's `/moto-api/`):
 * reset state, arm and list faults, inspect state. Not part of AWS.
 *
 *   GET    /_lambda-eic/health        -> 200 {"status":"ok"}
 *   POST   /_lambda-eic/reset         -> 200 {"reset":true}
 *   GET    /_lambda-eic/faults        -> 200 {"faults":[...]}
 *   POST   /_lambda-eic/faults        -> 201 {"fault":{...}}   body: FaultSpec
 *   DELETE /_lambda-eic/faults        -> 204
 *   GET    /_lambda-eic/state         -> 200 {"regions":[...]}
 *
 * Every request but `GET /health` must carry `x-lambda-eic-control: 1` (or the server's token), and
 * a request with a body must be `application/json`: a web page can send neither cross-origin
 * without a CORS preflight, which is never granted (403 otherwise).
 */
import type { Emulator } from '../model/emulator.js';
import { FAULT_KINDS, isFaultKind, type FaultSpec } from '../model/faults.js';
import { snapshot } from '../model/snapshot.js';
import { isPlainObject } from '../model/validate.js';
import { OPERATIONS, isOperationName } from '../spec/operations.js';
import type { WireResponse } from './codec.js';
import { CONTROL_HEADER } from './limits.js';

export const CONTROL_PREFIX = '/_lambda-eic';

const json = (status: number, value: unknown): WireResponse => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(value),
});
const problem = (status: number, message: string) => json(status, { message });

function parseFault(body: Buffer): FaultSpec | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return 'the body must be JSON: {"operation": "PutFunctionEventInvokeConfig" | "*", "kind": "throttle" | "service" | "conflict", "times": 1}';
  }
  if (!isPlainObject(value)) return 'the body must be a JSON object';
  const { operation, kind, times, retryAfterSeconds, reason, message } = value;
  if (typeof operation !== 'string' || (operation !== '*' && !isOperationName(operation)))
    return `operation must be "*" or one of ${Object.keys(OPERATIONS).join(', ')}; a fault for an unknown name would never fire`;
  if (typeof kind !== 'string' || !isFaultKind(kind)) return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  if (times !== undefined && (!Number.isInteger(times) || (times as number) < 1)) return 'times must be a whole number of at least 1';
  if (retryAfterSeconds !== undefined && (!Number.isInteger(retryAfterSeconds) || (retryAfterSeconds as number) < 0)) return 'retryAfterSeconds must be a whole number';
  if (reason !== undefined && typeof reason !== 'string') return 'reason must be a string';
  if (message !== undefined && typeof message !== 'string') return 'message must be a string';
  return value as unknown as FaultSpec;
}

interface ControlRequest {
  readonly method: string;
  /** The request target as sent, starting with the prefix. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

const header = (headers: ControlRequest['headers'], name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Why a control request is refused (403/415), or undefined. */
function refusal(request: ControlRequest, what: string, token: string | undefined): WireResponse | undefined {
  if (request.method === 'GET' && what === '/health') return undefined;
  const sent = header(request.headers, CONTROL_HEADER);
  if (!sent || (token !== undefined && sent !== token))
    return problem(403, `the control API needs the header ${CONTROL_HEADER}: ${token === undefined ? '1' : '<the server token>'} (a guard against web pages driving the emulator)`);
  const type = header(request.headers, 'content-type');
  const isJson = type !== undefined && /^application\/json\s*(;|$)/i.test(type);
  if (type !== undefined ? !isJson : request.body.length > 0) return problem(415, 'the control API accepts application/json bodies only');
  return undefined;
}

/**
 * Answers a control-API request.
 * @example handleControl(emulator, { method: 'POST', url: '/_lambda-eic/reset', headers: { 'x-lambda-eic-control': '1', 'content-type': 'application/json' }, body: Buffer.alloc(0) }).status // 200
 */
export function handleControl(emulator: Emulator, request: ControlRequest, token?: string): WireResponse {
  const path = request.url.split('?')[0]!;
  const what = path.slice(CONTROL_PREFIX.length).replace(/\/+$/, '');
  const refused = refusal(request, what, token);
  if (refused) return refused;
  const { method, body } = request;
  switch (`${method} ${what}`) {
    case 'GET /health':
      return json(200, { status: 'ok' });
    case 'POST /reset':
      emulator.reset();
      return json(200, { reset: true });
    case 'GET /faults':
      return json(200, { faults: emulator.faults.list() });
    case 'POST /faults': {
      const spec = parseFault(body);
      return typeof spec === 'string' ? problem(400, spec) : json(201, { fault: emulator.faults.add(spec) });
    }
    case 'DELETE /faults':
      emulator.faults.clear();
      return { status: 204, headers: {}, body: '' };
    case 'GET /state':
      return json(200, snapshot(emulator));
    default:
      return problem(404, `no control endpoint ${method} ${path}; see ${CONTROL_PREFIX}/health, /reset, /faults, /state`);
  }
}
