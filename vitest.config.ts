import { defineConfig } from 'vitest/config';

// One vitest process for the whole monorepo: tests live beside the code they test;
// test/ holds only what crosses packages. The global setup starts the redis-server
// and the 3-master Redis Cluster the integration tests use (never a shared Redis).
export default defineConfig({
  test: {
    include: ['{packages,plugins,gateway,integrations,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // CI asks for a JSON report beside the console one, to print "N passed, N failed".
    reporters: process.env.OMNIKERNEL_VITEST_JSON ? ['default', 'json'] : ['default'],
    ...(process.env.OMNIKERNEL_VITEST_JSON ? { outputFile: { json: process.env.OMNIKERNEL_VITEST_JSON } } : {}),
  },
});
