import { defineConfig } from 'vitest/config';

/** The long peer runs (`npm run test:peers`): real third-party emulators, browsers, fuzz budgets. */
export default defineConfig({
  test: {
    include: ['tests/peers/**/*.test.ts'],
    globalSetup: ['tests/support/build-dist.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Peer runs mostly wait on other processes (emulators, browsers): two files at once on two cores.
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest-peers.json' }]] : ['default'],
  },
});
