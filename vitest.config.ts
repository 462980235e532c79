import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The fast suite (`npm test`): everything against the embedded emulator and the mock transports.
 * The long peer runs (moto, third-party emulators, browsers, fuzz budgets) live in tests/peers/
 * and run with `npm run test:peers` (vitest.peers.config.ts), in their own CI step.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'examples/**/*.test.ts', 'contracts/**/*.test.ts'],
    exclude: ['tests/peers/**', '**/node_modules/**'],
    testTimeout: 30_000,
    // One test file per core (vitest's default leaves a core idle: one worker on a 2-core machine);
    // many files wait on child processes, so two workers fill two cores.
    maxWorkers: Math.max(2, availableParallelism()),
    // The SDK warns that its releases after January 2027 need Node 22; the pinned one runs on 20.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 30_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
  },
});
