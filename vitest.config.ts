import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // jieba's dictionary takes about a second to load; share it between test files.
    isolate: false,
    testTimeout: 30000,
    hookTimeout: 30000,
  },
});
