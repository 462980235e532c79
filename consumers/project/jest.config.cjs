/** jest + ts-jest in its default CommonJS mode (what `npx ts-jest config:init` writes). */
module.exports = { preset: 'ts-jest', testEnvironment: 'node', testMatch: ['<rootDir>/jest-cjs/**/*.test.ts'] };
