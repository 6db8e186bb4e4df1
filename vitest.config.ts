import { defineConfig } from 'vitest/config';

/**
 * Test files that also run against Neo4j when NEO4J_TEST_URI is set: the store contract, the API
 * suites, seeding, the query library, and the comparison of Neo4j's answers with the embedded
 * engine's (which has nothing to do without a Neo4j). They share one database there, so that project runs its
 * files one at a time, after the embedded project (tests/support/test-store.ts).
 */
const NEO4J_FILES = [
  'tests/store-contract.test.ts',
  'tests/seeding.test.ts',
  'tests/graphql-api.test.ts',
  'tests/answers.test.ts',
  'tests/abuse.test.ts',
  'tests/query-library.test.ts',
  'tests/engines-agree.test.ts',
];

export default defineConfig({
  test: {
    // The web pages' bundles (src/web/build-assets.ts), built once before any test file runs.
    globalSetup: ['tests/support/web-assets-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { CORPUS_DIR: process.env.CORPUS_DIR ?? '../shared/seeds' },
    projects: [
      {
        extends: true as const,
        test: {
          name: 'embedded',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      ...(process.env.NEO4J_TEST_URI
        ? [
            {
              extends: true as const,
              test: {
                name: 'neo4j',
                include: NEO4J_FILES,
                env: { CORPUS_DIR: process.env.CORPUS_DIR ?? '../shared/seeds', CHAINATLAS_TEST_ENGINE: 'neo4j' },
                fileParallelism: false,
                sequence: { groupOrder: 1 },
              },
            },
          ]
        : []),
    ],
  },
});
