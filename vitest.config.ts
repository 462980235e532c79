import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The fast suite (`npm test`): everything against the embedded emulator and the mock transports.
 * The long peer runs (moto, third-party emulators, browsers, fuzz budgets) live in tests/peers/
 * and run with `npm run test:peers` (vitest.peers.config.ts), in their own CI step.
 */
const common = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
  // The SDK warns that its releases after January 2027 need Node 22; the pinned one runs on 20.
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
};
const EXCLUDE = ['tests/peers/**', '**/node_modules/**'];
/**
 * Files that patch nothing global (no nock, no aws-sdk-client-mock, no Pact, no vi.mock or stubbed
 * env) share their worker's module cache: the AWS SDK is loaded once per worker, not once per file
 * (half the CPU of these files). Every other file, and any new one, runs isolated.
 */
const SHARED = ['tests/model/**/*.test.ts', 'tests/http/**/*.test.ts', 'tests/commands/serve-cli.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/support/build-dist.ts'],
    // One test file per core (vitest's default leaves a core idle: one worker on a 2-core machine);
    // many files wait on child processes, so two workers fill two cores.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
    projects: [
      { test: { ...common, name: 'shared', include: SHARED, exclude: EXCLUDE, isolate: false } },
      // Type-level tests (`expectTypeOf` in *.test-d.ts): compiled by tsc, never run.
      { test: { ...common, name: 'types', include: [], typecheck: { enabled: true, only: true, include: ['tests/types/**/*.test-d.ts'], tsconfig: 'tsconfig.json' } } },
      { test: { ...common, name: 'isolated', include: ['tests/**/*.test.ts', 'examples/**/*.test.ts', 'contracts/**/*.test.ts'], exclude: [...EXCLUDE, ...SHARED] } },
    ],
  },
});
