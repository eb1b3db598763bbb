import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests start real servers and child processes; two cores are shared with them.
    maxWorkers: 2,
    // The built shell (out/main) is loaded by Node itself, where a resolve hook gives it a stand-in
    // electron (src/main/test-support/shell-harness.ts); Vite must not transform or resolve it.
    server: { deps: { external: [/\/out\/main\//] } },
  },
});
