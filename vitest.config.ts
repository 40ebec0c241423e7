import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Globals (describe, it) let stslint's RuleTester register its cases as tests, as ESLint's does.
    globals: true,
    // End-to-end tests spawn the built CLI; on a loaded 2-core machine a spawn can take seconds.
    testTimeout: 60_000,
    // Builds the Kubernetes oracle (oracle/) when Go is on PATH; its tests skip, saying why, otherwise.
    globalSetup: ['test/oracle/global-setup.ts'],
  },
});
