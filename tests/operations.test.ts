/**
 * Operations: health and readiness, graceful shutdown and crash safety on disk. A database that
 * goes away: neo4j-outage.test.ts and faults.test.ts; a process under fire: crash-safety.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countGraph } from '../src/seeding/graph-counts.js';
import { GrafeoStore } from '../src/store/grafeo-store.js';
import { serve } from './support/http-client.js';
import { seededStore } from './support/seeded-store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-ops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('health and readiness', () => {
  it('/health reports the engine and /ready that the store answers and is seeded', async () => {
    const { store } = await seededStore();
    const server = await serve(store);
    try {
      const health = await (await fetch(`${server.url}/health`)).json();
      expect(health).toMatchObject({
        status: 'ok',
        engine: 'grafeo',
        ok: true,
        circuit: 'closed',
        active: 0,
        queued: 0,
        faults: { unhandledRejections: 0, uncaughtExceptions: 0 },
      });
      expect(health.version).toMatch(/^grafeo \d/);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        ready: true,
        store: true,
        seeded: true,
        engine: 'grafeo',
        circuit: 'closed',
      });
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('the Neo4j Browser guide', () => {
  it('is served by the app at /browser-guide with its style, to any origin', async () => {
    const { store } = await seededStore();
    const server = await serve(store);
    try {
      const guide = await fetch(`${server.url}/browser-guide`);
      expect(guide.status).toBe(200);
      expect(guide.headers.get('content-type')).toMatch(/text\/html/);
      expect(guide.headers.get('access-control-allow-origin')).toBe('*');
      expect(await guide.text()).toMatch(/<slide[\s\S]*<pre class="[^"]*runnable/);
      const style = await fetch(`${server.url}/browser-guide/style.grass`);
      expect(style.status).toBe(200);
      expect(await style.text()).toMatch(/node\.City\s*\{/);
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('the server process', () => {
  it('shuts down gracefully on SIGTERM: stops accepting, closes the store, exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '4599', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await waitFor(() => out.includes('GraphQL ready'), 60_000);
    const res = await fetch('http://127.0.0.1:4599/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ node(id: "city:shaoguan") { name } }' }),
    });
    expect(await res.json()).toEqual({ data: { node: { name: '韶关市' } } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toMatch(/shutting down: draining in-flight requests/);
    expect(out).toMatch(/"msg":"stopped"/);
  });
});

describe('the embedded engine on disk', () => {
  it('survives a kill -9 in the middle of a storm of concurrent writes: every committed write is there, no partial one', async () => {
    const file = path.join(dir, 'crash.grafeo');
    const writer = path.join(dir, 'writer.mts');
    // Seeds, then 8 writers commit numbered batches of 50 nodes each at the same time, each
    // reporting its commit, until killed.
    writeFileSync(
      writer,
      `import { GrafeoStore } from '${path.resolve('src/store/grafeo-store.ts')}';
import { seedGraph } from '${path.resolve('src/seeding/seed-graph.ts')}';
const store = GrafeoStore.open({ path: process.argv[2], timeoutMs: 60_000 });
await seedGraph(store, 'cypher');
process.stdout.write('seeded\\n');
await Promise.all(Array.from({ length: 8 }, async (_, w) => {
  for (let n = 0; ; n++) {
    const batch = w * 1_000_000 + n;
    await store.write('UNWIND range(1, 50) AS i CREATE (:CrashProbe {batch: $batch, i: i})', { batch });
    process.stdout.write('committed ' + batch + '\\n');
  }
}));`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await waitFor(() => (out.match(/committed/g) ?? []).length >= 80, 90_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const committed = [...out.matchAll(/committed (\d+)\n/g)].map((m) => Number(m[1]));

    const store = GrafeoStore.open({ path: file, timeoutMs: 10_000 });
    try {
      const batches = await store.read<{ batch: number; n: number }>(
        'MATCH (p:CrashProbe) RETURN p.batch AS batch, count(*) AS n ORDER BY batch',
      );
      // Every batch reported as committed is there; any batch present is whole (50 nodes, never part of one).
      const present = new Set(batches.map((b) => b.batch));
      expect(committed.filter((b) => !present.has(b))).toEqual([]);
      for (const b of batches) expect(b.n, `batch ${b.batch}`).toBe(50);
      const counts = await countGraph(store);
      expect(counts.nodes.City).toBeGreaterThan(10);
    } finally {
      await store.close();
    }
  });
});

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
