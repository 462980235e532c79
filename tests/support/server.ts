/** One emulator server per test file: started in beforeAll, stopped in afterAll, reset before each test. */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer, type RunningServer, type ServeOptions } from '../../src/http/server.js';
import { lambdaClient, type ClientOptions } from './client.js';

export interface ServerHandle {
  readonly url: string;
  readonly server: RunningServer;
  /** A client for this server (default region us-east-1, one attempt). */
  client(options?: ClientOptions): LambdaClient;
}

/**
 * Registers the hooks and returns a handle whose members are usable inside tests.
 * @example const srv = useServer(); it('...', async () => { await srv.client().send(...) });
 */
export function useServer(options: ServeOptions & { readonly resetEach?: boolean } = {}): ServerHandle {
  const { resetEach = true, ...serveOptions } = options;
  let running: RunningServer | undefined;
  const clients: LambdaClient[] = [];
  beforeAll(async () => {
    running = await startServer({ region: 'us-east-1', ...serveOptions });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await running?.close();
  });
  if (resetEach) beforeEach(() => running?.emulator.reset());
  const started = (): RunningServer => {
    if (!running) throw new Error('the server is not started yet: use the handle inside a test or hook');
    return running;
  };
  return {
    get url() {
      return started().url;
    },
    get server() {
      return started();
    },
    client(clientOptions?: ClientOptions) {
      const c = lambdaClient(started().url, clientOptions);
      clients.push(c);
      return c;
    },
  };
}
