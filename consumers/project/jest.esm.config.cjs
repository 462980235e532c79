/** jest in ESM mode: native ES modules (`node --experimental-vm-modules`), no transform. */
module.exports = { testEnvironment: 'node', transform: {}, testMatch: ['<rootDir>/jest-esm/**/*.test.mjs'] };
