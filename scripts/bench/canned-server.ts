/**
 * The ceiling for an HTTP emulator on this machine: a node:http server that reads each request
 * and answers one canned event-invoke config, with the headers Lambda sends. Prints its URL.
 * @example node dist/scripts/bench/canned-server.js  # canned server listening on http://127.0.0.1:40123
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BODY = JSON.stringify({
  DestinationConfig: { OnFailure: {}, OnSuccess: {} },
  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench:$LATEST',
  LastModified: 1700000000.123,
  MaximumEventAgeInSeconds: 600,
  MaximumRetryAttempts: 1,
});
const HEADERS = { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'c6f8b3ad-1b1e-4a9e-9a47-4a1a2f0b0c1d', 'Content-Length': Buffer.byteLength(BODY) };

const server = createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, HEADERS);
    res.end(BODY);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => console.log(`canned server listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
