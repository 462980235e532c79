// Preloaded into every consumer run (NODE_OPTIONS=--require): makes every name lookup and every
// TCP connection to a host other than loopback fail, and records the attempt in $NO_NETWORK_LOG,
// so a mock that falls through to a real transport fails the cell even when the error is swallowed.
const dns = require('node:dns');
const fs = require('node:fs');

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;
function refuse(host, how) {
  const line = `${process.pid} ${how} ${host}\n`;
  if (process.env.NO_NETWORK_LOG) fs.appendFileSync(process.env.NO_NETWORK_LOG, line);
  const error = new Error(`no-network: ${how} to ${host} refused by the consumer test harness`);
  error.code = 'ENETUNREACH';
  return error;
}
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  if (!LOOPBACK.test(String(host))) {
    const [options, callback] = rest;
    const cb = typeof options === 'function' ? options : callback;
    return process.nextTick(() => cb(refuse(host, 'dns.lookup')));
  }
  return lookup.call(this, host, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = async function (host, ...rest) {
  if (!LOOPBACK.test(String(host))) throw refuse(host, 'dns.promises.lookup');
  return promisesLookup.call(this, host, ...rest);
};
// The TCP handle is where a real connection starts, after name resolution: a socket that a mock
// library fakes (nock 15.0.6's interceptors call Socket#connect on a mock handle) never gets here.
const { TCP } = process.binding('tcp_wrap');
for (const method of ['connect', 'connect6']) {
  const real = TCP.prototype[method];
  TCP.prototype[method] = function (...args) {
    const [, address, port] = args; // (request, address, port, ...)
    if (!LOOPBACK.test(String(address))) {
      refuse(`${address}:${port}`, 'tcp.connect');
      return -101; // UV_ENETUNREACH: the socket reports the failure like a real unreachable network
    }
    return real.apply(this, args);
  };
}
