/** npm run seed, run as users run it: a real process on the embedded engine on disk. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESET_GRAPH, seedGraph } from '../src/seeding/seed-graph.js';
import { countGraph } from '../src/store/graph-counts.js';
import { GrafeoStore } from '../src/store/grafeo-store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const manifest = JSON.parse(readFileSync('cypher/manifest.json', 'utf8'));

const seed = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('npm run seed', () => {
  // Each test its own database file: none depends on what another left behind.
  let n = 0;
  const freshPath = () => path.join(dir, `graph-${++n}.grafeo`);

  it('--dry-run lists files and statements and touches nothing', () => {
    const graphPath = freshPath();
    const result = seed(['--dry-run'], { GRAPH_PATH: graphPath });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/dry run: would seed the embedded engine/);
    expect(result.stdout).toMatch(/cypher\/000_schema\.cypher: \d+ schema, 0 data statements/);
    expect(() => readFileSync(graphPath)).toThrow();
  });

  it('seeds with progress, prints counts per label and verifies them; twice gives the same counts', () => {
    const graphPath = freshPath();
    for (let run = 0; run < 2; run++) {
      const result = seed([], { GRAPH_PATH: graphPath });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/cypher\/103_yangjiang\.cypher: 100\/\d+ statements/);
      expect(result.stdout).toContain(`  City           ${manifest.nodes.City}`);
      expect(result.stdout).toMatch(/verified against cypher\/manifest\.json/);
    }
  });

  it('--reset refuses without a terminal unless --yes is given', () => {
    const graphPath = freshPath();
    const refused = seed(['--reset'], { GRAPH_PATH: graphPath });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      '--reset deletes every ChainAtlas node; without a terminal it needs --yes as well',
    );
    const done = seed(['--reset', '--yes'], { GRAPH_PATH: graphPath });
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/reset: deleted 0 ChainAtlas nodes/);
    // A seeded graph: every node goes, a thousand per transaction, and the seeds come back.
    const again = seed(['--reset', '--yes'], { GRAPH_PATH: graphPath });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`reset: deleted ${manifest.nodes.Entity} ChainAtlas nodes`);
    expect(again.stdout).toMatch(/verified against cypher\/manifest\.json/);
  });

  it('rejects unknown options and names the known ones', () => {
    const result = seed(['--force']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('unknown option --force (known: --dry-run, --reset, --yes)');
  });
});

describe('reset', () => {
  it('deletes only ChainAtlas nodes and keeps other data in the database', async () => {
    const store = GrafeoStore.open({ timeoutMs: 10_000 });
    try {
      await store.write("CREATE (:Customer {name: 'not ours'})-[:KNOWS]->(:Customer {name: 'also not ours'})");
      await seedGraph(store, 'cypher');
      await store.write(RESET_GRAPH);
      expect(await store.read('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n')).toEqual([
        { label: 'Customer', n: 2 },
      ]);
      expect(await countGraph(store)).toEqual({ nodes: {}, relationships: { KNOWS: 1 } });
    } finally {
      await store.close();
    }
  });
});
