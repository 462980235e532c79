/**
 * Malformed raw HTTP requests (node:http, byte for byte): every one must get an AWS-shaped client
 * error, never a 5xx, never HTML: status 4xx, `content-type: application/json`, `x-amzn-ErrorType`,
 * `x-amzn-RequestId`, and a non-empty JSON body with a message. Afterwards the server still works.
 */
import { GetFunctionEventInvokeConfigCommand, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrange } from '../support/arrange.js';
import { useServer } from '../support/server.js';
import { fnArn } from '../support/spec-text.js';
import { rawHttp, type RawAnswer } from '../support/wire.js';

const srv = useServer({ resetEach: false });
const FN = 'exists';
const EIC = `/2019-09-25/functions/${FN}/event-invoke-config`;
const LIST = `${EIC}/list`;
const json = { 'content-type': 'application/json' };

interface Case {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** The error code expected in x-amzn-ErrorType. */
  readonly code: string;
  readonly status?: number;
}

const put = (name: string, body: string | Buffer, code: string, status?: number): Case => ({
  name: `PUT ${name}`,
  method: 'PUT',
  path: EIC,
  headers: json,
  body,
  code,
  ...(status !== undefined ? { status } : {}),
});
const get = (name: string, path: string, code: string, headers?: Record<string, string>): Case => ({
  name,
  method: 'GET',
  path,
  code,
  ...(headers ? { headers } : {}),
});

const IRCE = 'InvalidRequestContentException';
const VE = 'ValidationException';
const IPVE = 'InvalidParameterValueException';
const RNF = 'ResourceNotFoundException';
const UNKNOWN = 'UnknownOperationException';
const UNSUPPORTED = 'UnsupportedOperationException';

const CASES: Case[] = [
  // Malformed JSON.
  put('an unterminated object', '{', IRCE),
  put('a missing value', '{"MaximumRetryAttempts": }', IRCE),
  put('plain text', 'not json at all', IRCE),
  put('a trailing comma', '{"MaximumRetryAttempts": 1,}', IRCE),
  put('single quotes', "{'MaximumRetryAttempts': 1}", IRCE),
  put('garbage after the object', '{"MaximumRetryAttempts": 1}garbage', IRCE),
  put('NaN', '{"MaximumRetryAttempts": NaN}', IRCE),
  put('a byte-order mark', '\uFEFF{"MaximumRetryAttempts": 1}', IRCE),
  put('invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), IRCE),
  put('a JSON array body', '[]', IRCE),
  put('a JSON string body', '"MaximumRetryAttempts"', IRCE),
  put('a JSON number body', '42', IRCE),
  put('a JSON boolean body', 'true', IRCE),
  put('a 5000-deep array', `${'['.repeat(5000)}${']'.repeat(5000)}`, IRCE),
  // Wrong JSON types for the integers.
  put('MaximumRetryAttempts as a string', '{"MaximumRetryAttempts": "1"}', IRCE),
  put('MaximumRetryAttempts as 1.5', '{"MaximumRetryAttempts": 1.5}', IRCE),
  put('MaximumRetryAttempts as true', '{"MaximumRetryAttempts": true}', IRCE),
  put('MaximumRetryAttempts as an object', '{"MaximumRetryAttempts": {"value": 1}}', IRCE),
  put('MaximumRetryAttempts as an array', '{"MaximumRetryAttempts": [1]}', IRCE),
  put('MaximumEventAgeInSeconds as a string', '{"MaximumEventAgeInSeconds": "60"}', IRCE),
  put('MaximumEventAgeInSeconds as 60.5', '{"MaximumEventAgeInSeconds": 60.5}', IRCE),
  put('MaximumEventAgeInSeconds as false', '{"MaximumEventAgeInSeconds": false}', IRCE),
  put('MaximumEventAgeInSeconds as an object', '{"MaximumEventAgeInSeconds": {}}', IRCE),
  put('MaximumEventAgeInSeconds as an array', '{"MaximumEventAgeInSeconds": [60]}', IRCE),
  put('MaximumEventAgeInSeconds as 1e300', '{"MaximumEventAgeInSeconds": 1e300}', IRCE),
  put('MaximumRetryAttempts beyond 2^53', '{"MaximumRetryAttempts": 99999999999999999999}', IRCE),
  // Wrong JSON types in DestinationConfig.
  put('Destination as a number', '{"DestinationConfig": {"OnSuccess": {"Destination": 5}}}', IRCE),
  put('Destination as an object', '{"DestinationConfig": {"OnFailure": {"Destination": {"Arn": "x"}}}}', IRCE),
  put('DestinationConfig as a string', '{"DestinationConfig": "arn:aws:sqs:us-east-1:123456789012:q"}', IRCE),
  put('DestinationConfig as an array', '{"DestinationConfig": []}', IRCE),
  put('OnFailure as a string', '{"DestinationConfig": {"OnFailure": "arn:aws:sqs:us-east-1:123456789012:q"}}', IRCE),
  put('OnSuccess as a number', '{"DestinationConfig": {"OnSuccess": 1}}', IRCE),
  // Unknown body members, including the names every JavaScript object inherits.
  put('an unknown member', '{"Foo": 1}', IRCE),
  put('a query member in the body', '{"MaximumRetryAttempts": 1, "Qualifier": "1"}', IRCE),
  put('an unknown nested member', '{"DestinationConfig": {"OnSuccess": {"Arn": "x"}}}', IRCE),
  put('a lower-camel member', '{"maximumRetryAttempts": 1}', IRCE),
  put('a __proto__ member', '{"__proto__": {"MaximumRetryAttempts": 1}}', IRCE),
  put('a constructor member', '{"constructor": 1, "MaximumRetryAttempts": 1}', IRCE),
  put('a toString member', '{"toString": "x"}', IRCE),
  put('a hasOwnProperty member in DestinationConfig', '{"DestinationConfig": {"hasOwnProperty": {}}}', IRCE),
  { name: 'POST (Update) with a valueOf member', method: 'POST', path: EIC, headers: json, body: '{"valueOf": 1}', code: IRCE },
  // Missing and oversized bodies.
  { name: 'PUT without a body', method: 'PUT', path: EIC, code: IPVE, status: 400 },
  { name: 'POST (Update) without a body', method: 'POST', path: EIC, code: IPVE, status: 400 },
  put('a JSON null body', 'null', IPVE, 400),
  put('a body over 256 KiB', JSON.stringify({ MaximumRetryAttempts: 1, DestinationConfig: { OnSuccess: { Destination: 'x'.repeat(300 * 1024) } } }), 'RequestTooLargeException', 413),
  // Unknown routes.
  get('GET /', '/', UNKNOWN),
  get('GET /2019-09-25/functions', '/2019-09-25/functions', UNKNOWN),
  get('an extra segment after event-invoke-config', `${EIC}/extra`, UNKNOWN),
  get('an extra segment after list', `${LIST}/more`, UNKNOWN),
  get('GET /favicon.ico', '/favicon.ico', UNKNOWN),
  get('an unknown API version', `/2099-01-01/functions/${FN}/event-invoke-config`, UNKNOWN),
  get('OPTIONS-style *', '*', UNKNOWN),
  get('an absent control endpoint is not a Lambda route', '/_lambda_eic/reset', UNKNOWN),
  // Lambda operations this emulator does not implement.
  get('GetLayerVersion', '/2018-10-31/layers/l/versions/1', UNSUPPORTED),
  { name: 'Invoke', method: 'POST', path: `/2015-03-31/functions/${FN}/invocations`, body: '{}', code: UNSUPPORTED },
  get('ListLayers', '/2018-10-31/layers', UNSUPPORTED),
  { name: 'PutFunctionConcurrency', method: 'PUT', path: `/2017-10-31/functions/${FN}/concurrency`, headers: json, body: '{"ReservedConcurrentExecutions": 1}', code: UNSUPPORTED },
  get('ListEventSourceMappings', '/2015-03-31/event-source-mappings', UNSUPPORTED),
  get('GetLayerVersionByArn (query-discriminated route)', '/2018-10-31/layers?find=LayerVersion&Arn=x', UNSUPPORTED),
  // Methods no event-invoke-config route has.
  { name: 'PATCH event-invoke-config', method: 'PATCH', path: EIC, headers: json, body: '{"MaximumRetryAttempts": 1}', code: UNKNOWN },
  { name: 'OPTIONS event-invoke-config', method: 'OPTIONS', path: EIC, code: UNKNOWN },
  { name: 'PUT on list', method: 'PUT', path: LIST, headers: json, body: '{}', code: UNKNOWN },
  { name: 'DELETE on list', method: 'DELETE', path: LIST, code: UNKNOWN },
  // FunctionName: odd characters, %-encoding, length.
  get('FunctionName with %20', '/2019-09-25/functions/my%20function/event-invoke-config', VE),
  get('FunctionName with a NUL byte', '/2019-09-25/functions/f%00x/event-invoke-config', VE),
  get('FunctionName with a broken %-escape', '/2019-09-25/functions/%ZZ/event-invoke-config', VE),
  get('FunctionName with an encoded slash', '/2019-09-25/functions/a%2Fb/event-invoke-config', VE),
  get('FunctionName with a non-ASCII character', '/2019-09-25/functions/caf%C3%A9/event-invoke-config', VE),
  get('FunctionName with markup', '/2019-09-25/functions/%3Cscript%3Ealert(1)%3C%2Fscript%3E/event-invoke-config', VE),
  get('FunctionName of 300 characters', `/2019-09-25/functions/${'f'.repeat(300)}/event-invoke-config`, VE),
  get('an empty FunctionName', '/2019-09-25/functions//event-invoke-config', VE),
  get('FunctionName with a shell metacharacter', '/2019-09-25/functions/f%3Brm%20-rf/event-invoke-config', VE),
  get('FunctionName with a quote', "/2019-09-25/functions/it's/event-invoke-config", VE),
  get('FunctionName of 65 characters (bare name limit)', `/2019-09-25/functions/${'b'.repeat(65)}/event-invoke-config`, IPVE),
  get('FunctionName with an empty qualifier', `/2019-09-25/functions/${FN}%3A/event-invoke-config`, VE),
  // Qualifier.
  get('an empty Qualifier', `${EIC}?Qualifier=`, VE),
  get('a Qualifier with a space', `${EIC}?Qualifier=a%20b`, VE),
  get('a Qualifier of 200 characters', `${EIC}?Qualifier=${'q'.repeat(200)}`, VE),
  get('a Qualifier $LATEST.BAD', `${EIC}?Qualifier=%24LATEST.BAD`, VE),
  get('a Qualifier with a broken %-escape', `${EIC}?Qualifier=%ZZ`, VE),
  get('a Qualifier conflicting with the name', `/2019-09-25/functions/${FN}%3A1/event-invoke-config?Qualifier=2`, IPVE),
  // MaxItems and Marker.
  get('MaxItems=abc', `${LIST}?MaxItems=abc`, IRCE),
  get('MaxItems=-1', `${LIST}?MaxItems=-1`, VE),
  get('MaxItems=1.5', `${LIST}?MaxItems=1.5`, IRCE),
  get('MaxItems=0', `${LIST}?MaxItems=0`, VE),
  get('MaxItems=51', `${LIST}?MaxItems=51`, VE),
  get('MaxItems= (empty)', `${LIST}?MaxItems=`, IRCE),
  get('MaxItems=1e3', `${LIST}?MaxItems=1e3`, IRCE),
  get('MaxItems beyond 2^53', `${LIST}?MaxItems=99999999999999999999`, IRCE),
  get('a Marker that is not base64', `${LIST}?Marker=%25%25%25`, IPVE),
  get('a Marker that is base64 of garbage', `${LIST}?Marker=bm90LWEtbWFya2Vy`, IPVE),
  // Garbage in headers (on a request that fails on its own, so the header must not change the answer's shape).
  get('an Authorization header of garbage', `${EIC}?Qualifier=9`, RNF, { authorization: 'garbage garbage garbage' }),
  get('an Authorization scope with a bad region', `${EIC}?Qualifier=9`, RNF, { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/../lambda/aws4_request, SignedHeaders=host, Signature=00' }),
  get('an Authorization scope naming an odd region', '/2019-09-25/functions/no-such-fn/event-invoke-config', RNF, {
    authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/constructor/lambda/aws4_request, SignedHeaders=host, Signature=00',
  }),
  get('a presigned X-Amz-Credential of garbage', `${EIC}?Qualifier=9&X-Amz-Credential=%00%01`, RNF),
  get('an 8 KiB header value', `${EIC}?Qualifier=9`, RNF, { 'x-amz-date': 'z'.repeat(8192) }),
  get('Latin-1 bytes in a header', `${EIC}?Qualifier=9`, RNF, { 'x-amz-user-agent': 'caf\u00e9 \u00ff' }),
  put('a Content-Type of text/html with a bad body', '<html></html>', IRCE),
  { name: 'PUT with Content-Encoding gzip but a plain body', method: 'PUT', path: EIC, headers: { ...json, 'content-encoding': 'gzip' }, body: '{}', code: IPVE },
  { name: 'PUT with Content-Type application/x-amz-json-1.1 and a bad body', method: 'PUT', path: EIC, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"Nope": 1}', code: IRCE },
];

/** The AWS error shape every malformed request must get. */
function expectAwsErrorShape(a: RawAnswer, c: Case): void {
  const where = `${c.name}: ${a.status} ${a.text.slice(0, 200)}`;
  expect(a.status, where).toBeGreaterThanOrEqual(400);
  expect(a.status, where).toBeLessThan(500);
  if (c.status !== undefined) expect(a.status, where).toBe(c.status);
  expect(a.headers.get('content-type'), where).toMatch(/^application\/json/);
  expect(a.headers.get('x-amzn-errortype'), where).toBe(c.code);
  expect(a.headers.get('x-amzn-requestid'), where).toMatch(/^[0-9a-f-]{36}$/);
  expect(a.text.trimStart().startsWith('{'), where).toBe(true); // JSON, never an HTML error page
  expect(a.text.length, where).toBeGreaterThan(0);
  const body = JSON.parse(a.text) as Record<string, unknown>;
  const message = body.message ?? body.Message;
  expect(typeof message, where).toBe('string');
  expect((message as string).length, where).toBeGreaterThan(0);
  expect(body, where).not.toHaveProperty('stack');
}

describe('malformed requests', () => {
  beforeAll(async () => {
    await arrange(srv.client(), FN);
    await srv.client().send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, Qualifier: '$LATEST', MaximumRetryAttempts: 1 }));
  });

  it(`covers at least 50 malformed requests (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES)
    it(`${c.name} -> 4xx ${c.code}, JSON, never HTML`, async () => {
      const answer = await rawHttp(srv.url, { method: c.method, path: c.path, ...(c.headers ? { headers: c.headers } : {}), ...(c.body !== undefined ? { body: c.body } : {}) });
      expectAwsErrorShape(answer, c);
    });

  it('HEAD event-invoke-config -> 4xx with the error headers (HEAD answers carry no body)', async () => {
    const a = await rawHttp(srv.url, { method: 'HEAD', path: EIC });
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expect(a.headers.get('x-amzn-errortype')).toBe(UNKNOWN);
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    expect(a.text).toBe('');
  });

  it('an absolute-form request target (as sent through a proxy) is routed like its path', async () => {
    const a = await rawHttp(srv.url, { method: 'GET', path: `${srv.url}${EIC}?Qualifier=9` });
    expect([a.status, a.headers.get('x-amzn-errortype')]).toEqual([404, RNF]);
  });

  it('the server still answers normal calls afterwards, and the malformed ones changed nothing', async () => {
    const lambda = srv.client();
    const before = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN }));
    expect(before.MaximumRetryAttempts).toBe(1);
    expect(before.MaximumEventAgeInSeconds).toBeUndefined();
    const put = await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: FN, MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 120 }));
    expect(put.FunctionArn).toBe(fnArn('us-east-1', FN, '$LATEST'));
    const got = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: FN }));
    expect([got.MaximumRetryAttempts, got.MaximumEventAgeInSeconds]).toEqual([0, 120]);
    expect(Object.prototype).not.toHaveProperty('MaximumRetryAttempts');
  });
});
