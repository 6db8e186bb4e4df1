import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['tests/support/web-assets-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { CORPUS_DIR: process.env.CORPUS_DIR ?? '../shared/seeds' },
  },
});
