import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/packages/mashup-engine',
  resolve: { conditions: ['@pqsdk/source'] },
  ssr: { resolve: { conditions: ['@pqsdk/source'] } },
  test: {
    name: '@pqsdk/mashup-engine',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default'],
  },
});
