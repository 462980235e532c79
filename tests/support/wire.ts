/** Raw HTTP against the emulator, for facts the SDK hides (headers, member casing, number formats). */
import { request } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when the body is empty or not JSON. */
  readonly json: unknown;
}

const parse = (text: string): unknown => {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * One request with `fetch`. A string body is sent as is, anything else as JSON (bytes: use `rawHttp`).
 * @example await raw(url, 'GET', '/2019-09-25/functions/f/event-invoke-config')
 */
export async function raw(base: string, method: string, path: string, options: { readonly body?: unknown; readonly headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parse(text) };
}

/**
 * One request with node:http, byte for byte: for paths and headers `fetch` would normalise or refuse.
 * @example await rawHttp(url, { method: 'GET', path: '/2019-09-25/functions/%ZZ/event-invoke-config' })
 */
export function rawHttp(base: string, options: { readonly method: string; readonly path: string; readonly headers?: Record<string, string>; readonly body?: string | Buffer }): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode ?? 0, headers, text, json: parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The event-invoke-config path of a function name, URL-encoded as the SDK does. */
export const eicPath = (functionName: string, query = ''): string => `/2019-09-25/functions/${encodeURIComponent(functionName)}/event-invoke-config${query}`;
