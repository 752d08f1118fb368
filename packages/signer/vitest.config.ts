import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/packages/signer',
  resolve: { conditions: ['@pqsdk/source'] },
  ssr: { resolve: { conditions: ['@pqsdk/source'] } },
  test: {
    name: '@pqsdk/signer',
    environment: 'node',
    // Integration tests run real crypto (PKCS#12, RSA) and worker threads: give them room on a
    // busy 2-core machine. The limit catches hangs, not slowness (benchmarks measure speed).
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default'],
  },
});
