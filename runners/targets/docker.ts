/** Whether a Docker engine answers, found in milliseconds (testcontainers would otherwise wait long). */
import { existsSync } from 'node:fs';
import { request } from 'node:http';

/**
 * Pings the engine at DOCKER_HOST (unix socket or tcp) or /var/run/docker.sock; resolves false
 * when there is no socket or no answer within `timeoutMs`.
 * @example if (!(await dockerAvailable())) console.warn('no Docker engine: skipping');
 */
export function dockerAvailable(timeoutMs = 300): Promise<boolean> {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  const target = host.startsWith('unix://')
    ? { socketPath: host.slice('unix://'.length) }
    : (() => {
        const url = new URL(host.replace(/^tcp:/, 'http:'));
        return { host: url.hostname, port: Number(url.port || 2375) };
      })();
  if ('socketPath' in target && !existsSync(target.socketPath)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ ...target, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
