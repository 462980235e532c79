// Preloaded into every consumer run (NODE_OPTIONS=--require): makes every connection to a host
// other than loopback fail, and records the attempt in $NO_NETWORK_LOG, so a mock that falls
// through to a real transport fails the cell even when the error is swallowed.
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;
function refuse(host, how) {
  const line = `${process.pid} ${how} ${host}\n`;
  if (process.env.NO_NETWORK_LOG) fs.appendFileSync(process.env.NO_NETWORK_LOG, line);
  const error = new Error(`no-network: ${how} to ${host} refused by the consumer test harness`);
  error.code = 'ENETUNREACH';
  return error;
}
const lookup = dns.lookup;
dns.lookup = function (host, options, callback) {
  if (!LOOPBACK.test(String(host))) {
    const cb = typeof options === 'function' ? options : callback;
    return process.nextTick(() => cb(refuse(host, 'dns.lookup')));
  }
  return lookup.apply(this, arguments);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = async function (host, ...rest) {
  if (!LOOPBACK.test(String(host))) throw refuse(host, 'dns.promises.lookup');
  return promisesLookup.call(this, host, ...rest);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  const host = options.path ? undefined : String(options.host ?? 'localhost');
  if (host !== undefined && !LOOPBACK.test(host)) {
    process.nextTick(() => this.destroy(refuse(host, 'socket.connect')));
    return this;
  }
  return connect.apply(this, args);
};
