import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/bench',
  resolve: { conditions: ['@pqsdk/source'] },
  ssr: { resolve: { conditions: ['@pqsdk/source'] } },
  test: {
    name: '@pqsdk/bench',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    reporters: ['default'],
  },
});
