import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/packages/signer',
  resolve: { conditions: ['@pqsdk/source'] },
  ssr: { resolve: { conditions: ['@pqsdk/source'] } },
  test: {
    name: '@pqsdk/signer',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default'],
  },
});
