import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/packages/m-evaluator',
  resolve: { conditions: ['@pqsdk/source'] },
  ssr: { resolve: { conditions: ['@pqsdk/source'] } },
  test: {
    name: '@pqsdk/m-evaluator',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default'],
  },
});
