/**
 * Refusals that keep a web page from using the emulator: a `Host` that is not loopback, the bound
 * address or an allowed name (DNS rebinding), and any cross-site request (an `Origin` other than
 * the server itself, or `Sec-Fetch-Site: cross-site|same-site`). No CORS header is ever sent.
 */
import { networkInterfaces } from 'node:os';
import type { WireResponse } from './codec.js';

export type HostPolicy = (host: string | undefined) => boolean;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** The host part of a Host header, without the port, lower-cased (`[::1]:80` -> `[::1]`). */
const hostName = (host: string): string => {
  const h = host.toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
};

/**
 * The Host names a server bound to `bound` answers: loopback names, `*.localhost`, 127.0.0.0/8,
 * the bound address (every local interface address when bound to 0.0.0.0 or ::) and `extra`.
 * `extra` containing `*` allows any host.
 * @example hostPolicy('127.0.0.1', [])('localhost:4010') // true
 * @example hostPolicy('127.0.0.1', [])('evil.example:4010') // false
 */
export function hostPolicy(bound: string, extra: readonly string[]): HostPolicy {
  if (extra.includes('*')) return () => true;
  const allowed = new Set([...LOOPBACK_NAMES, ...extra.map((h) => h.toLowerCase())]);
  const add = (address: string) => allowed.add(address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase());
  add(bound.replace(/^\[|\]$/g, ''));
  if (bound === '0.0.0.0' || bound === '::' || bound === '[::]') for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) add(i.address.replace(/%.*$/, ''));
  // The last Host header seen and its verdict: a client sends the same one on every request.
  let lastHost: string | undefined;
  let lastVerdict = false;
  // Requests without Host (HTTP/1.0 tools) come from no browser: nothing to rebind.
  return (host) => {
    if (host === undefined) return true;
    if (host === lastHost) return lastVerdict;
    const name = hostName(host);
    lastVerdict = allowed.has(name) || name.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
    lastHost = host;
    return lastVerdict;
  };
}

const refusal = (message: string): WireResponse => ({
  status: 403,
  headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'AccessDeniedException' },
  body: JSON.stringify({ Message: message }),
});

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Why a request must be refused (a 403 answer), or undefined to serve it.
 * @example crossSiteRefusal({ host: '127.0.0.1:4010', origin: 'https://evil.example' }, hostPolicy('127.0.0.1', [])).status // 403
 */
export function crossSiteRefusal(headers: Headers, allowHost: HostPolicy): WireResponse | undefined {
  const host = headers.host as string | undefined;
  if (!allowHost(host)) return refusal(`lambda-eic emulator: Host '${host}' is not a loopback name or this server's address (a DNS-rebinding guard); start it with --allow-host NAME to accept it`);
  const origin = headers.origin as string | undefined;
  if (origin !== undefined && origin !== `http://${host}`) return refusal(`lambda-eic emulator: cross-origin request from '${origin}' refused; browsers may not drive the emulator`);
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return refusal('lambda-eic emulator: cross-site request refused; browsers may not drive the emulator');
  return undefined;
}
