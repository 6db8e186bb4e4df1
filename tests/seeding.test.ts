import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countGraph } from '../src/seeding/graph-counts.js';
import { seedGraph } from '../src/seeding/seed-graph.js';
import { GrafeoStore } from '../src/store/grafeo-store.js';
import { ScriptError } from '../src/store/graph-store.js';
import { CYPHER_DIR, seededStore } from './support/seeded-store.js';

const manifest = JSON.parse(readFileSync(path.join(CYPHER_DIR, 'manifest.json'), 'utf8'));

describe('seeding from cypher/', () => {
  it('loads the graph the manifest declares, and a second run changes nothing', async () => {
    const { store, report } = await seededStore();
    try {
      expect(report.mismatches).toEqual([]);
      expect(report.counts).toEqual({ nodes: manifest.nodes, relationships: manifest.relationships });
      expect(report.basis).toEqual(manifest.basis);
      const again = await seedGraph(store, CYPHER_DIR);
      expect(again.counts).toEqual(report.counts);
      const props = await store.read('MATCH (n:Entity) RETURN n.id AS id, properties(n) AS p ORDER BY id');
      await seedGraph(store, CYPHER_DIR);
      expect(await store.read('MATCH (n:Entity) RETURN n.id AS id, properties(n) AS p ORDER BY id')).toEqual(props);
    } finally {
      await store.close();
    }
  });

  it("derives every project's cities, places and chains from its facts (cypher/950_derived.cypher)", async () => {
    const { store } = await seededStore();
    try {
      type Row = { id: string; cityIds: string[]; placeIds: string[]; chainIds: string[] };
      type Edge = { s: string; sk: string; t: string; o: string; ok: string; level: string | null };
      const rows = await store.read<Row>(
        'MATCH (p:Project) RETURN p.id AS id, p.cityIds AS cityIds, p.placeIds AS placeIds, p.chainIds AS chainIds',
      );
      // The expected values, worked out in TypeScript from the relationships themselves (the place
      // rule of seeds/README.md), not with the Cypher under test.
      const edges = await store.read<Edge>(`
        MATCH (a:Entity)-[r:LOCATED_IN|IN_PARK|PART_OF|PART_OF_CHAIN]->(b:Entity)
        RETURN a.id AS s, a.kind AS sk, type(r) AS t, b.id AS o, b.kind AS ok, b.level AS level`);
      const out = (id: string, pred: (e: Edge) => boolean) => edges.filter((e) => e.s === id && pred(e));
      const level = new Map(edges.filter((e) => e.ok === 'City').map((e) => [e.o, e.level]));
      const walk = (start: string[], step: (id: string) => string[]) => {
        const seen = new Set<string>();
        const queue = [...start];
        while (queue.length) {
          const x = queue.shift()!;
          if (seen.has(x)) continue;
          seen.add(x);
          queue.push(...step(x));
        }
        return seen;
      };
      const parentsOf = (kind: string) => (id: string) =>
        out(id, (e) => e.t === 'PART_OF' && e.sk === kind && e.ok === kind).map((e) => e.o);
      const sorted = (xs: Iterable<string>) => [...xs].sort();
      expect(rows.length).toBe(manifest.nodes.Project);
      for (const r of rows) {
        const parks = walk(
          out(r.id, (e) => e.t === 'IN_PARK').map((e) => e.o),
          parentsOf('Park'),
        );
        const named = new Set([
          ...out(r.id, (e) => e.t === 'LOCATED_IN' && e.ok === 'City').map((e) => e.o),
          ...[...parks].flatMap((p) => out(p, (e) => e.t === 'LOCATED_IN' && e.ok === 'City').map((e) => e.o)),
        ]);
        const above = walk([...named], parentsOf('City'));
        expect(sorted(r.placeIds), r.id).toEqual(sorted(above));
        const prefectures = [...named].map((c) => {
          const tops = [...walk([c], parentsOf('City'))].filter((x) => level.get(x) === 'prefecture');
          return tops.length ? tops : [c];
        });
        expect(sorted(r.cityIds), r.id).toEqual(sorted(new Set(prefectures.flat())));
        const chains = walk(
          out(r.id, (e) => e.t === 'PART_OF_CHAIN').map((e) => e.o),
          parentsOf('IndustryChain'),
        );
        expect(sorted(r.chainIds), r.id).toEqual(sorted(chains));
      }
      // No place the text only implies is a silent default: every project here reaches a city by its facts.
      expect(rows.filter((r) => r.cityIds.length === 0).map((r) => r.id)).toEqual([]);
      // The 郴州 projects of doc:001 sit in its counties: placed under 郴州市 and grouped as 郴州市.
      const chenzhou = rows.filter((r) => r.placeIds.includes('city:chenzhou'));
      expect(chenzhou.length).toBeGreaterThan(5);
      expect(chenzhou.every((r) => r.cityIds.includes('city:chenzhou'))).toBe(true);
      expect(chenzhou.some((r) => r.placeIds.includes('city:yizhang'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('fails on a malformed seed file with file and line, and leaves the graph as it was', async () => {
    const { store } = await seededStore();
    const dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-bad-'));
    try {
      cpSync(CYPHER_DIR, dir, { recursive: true });
      const before = await countGraph(store);
      // A valid statement first (it must be rolled back), then a broken one.
      writeFileSync(
        path.join(dir, '900_broken.cypher'),
        "MERGE (n:Entity {id: 'test:partial'}) SET n:City, n.name = 'half';\n\nMATCH (n:Entity {id: 'city:shaoguan'}) SET n.name = ;\n",
      );
      const error = await seedGraph(store, dir).catch((e) => e);
      expect(error).toBeInstanceOf(ScriptError);
      expect(error.message).toMatch(/900_broken\.cypher:3: /);
      expect(await countGraph(store)).toEqual(before);
      expect(await store.read("MATCH (n:Entity {id: 'city:shaoguan'}) RETURN n.name AS name")).toEqual([
        { name: '韶关市' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.close();
    }
  });

  it('keeps the graph on disk across a reopen (GRAPH_PATH)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-disk-'));
    const file = path.join(dir, 'graph.grafeo');
    try {
      const { store, report } = await seededStore(file);
      await store.close();
      const reopened = GrafeoStore.open({ path: file, timeoutMs: 10_000 });
      expect(await countGraph(reopened)).toEqual(report.counts);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
