/**
 * npm run bench as users run it, where no Neo4j is needed: it must never exit 0 having left a
 * graph behind or skipped what it was asked to measure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bench = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/run-bench.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** A port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run bench', () => {
  it('--reset-neo4j exits 1, saying why, when it cannot reach Neo4j to delete the graph', async () => {
    const out = path.join(dir, 'results.md');
    const result = bench(['--engine', 'neo4j', '--reset-neo4j', '--sizes', '1k', '--out', out], {
      NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}`,
      NEO4J_PASSWORD: 'not-a-real-password',
      NEO4J_CONNECT_TIMEOUT_MS: '500',
    });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toMatch(/FAILED: 1k on neo4j: neo4j is unavailable: .*--reset-neo4j cannot delete/);
    // The report is still written, and says so.
    expect(readFileSync(out, 'utf8')).toMatch(/\| 1k \| neo4j \| skipped: failed: neo4j is unavailable/);
  });

  it('rejects a negative round trip and names the flag', () => {
    const result = bench(['--round-trip-ms=-1'], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--round-trip-ms needs a non-negative number/);
  });
});
