import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countGraph } from '../src/store/graph-counts.js';
import { seedGraph } from '../src/seeding/seed-graph.js';
import { GrafeoStore } from '../src/store/grafeo-store.js';
import { ScriptError } from '../src/errors.js';
import { seededStore } from './support/seeded-store.js';
import { CYPHER_DIR, ON_NEO4J, seededTestStore } from './support/test-store.js';

const manifest = JSON.parse(readFileSync(path.join(CYPHER_DIR, 'manifest.json'), 'utf8'));

describe('seeding from cypher/', () => {
  it('loads the graph the manifest declares, and a second run changes nothing', async () => {
    const { store, report } = await seededTestStore();
    try {
      expect(report.mismatches).toEqual([]);
      expect(report.counts).toEqual(manifest);
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
    const { store } = await seededTestStore();
    try {
      type Row = {
        id: string;
        cityIds: string[];
        placeIds: string[];
        chainIds: string[];
        stated: string[];
        above: string[];
        chains: string[];
        docCities: string[];
      };
      // Checked against the relationships directly, one project at a time, in plain patterns.
      const rows = await store.read<Row>(`
        MATCH (p:Project)
        CALL { WITH p MATCH (p)-[:LOCATED_IN|IN_PARK*1..2]->(c:City) RETURN collect(DISTINCT c.id) AS stated }
        CALL { WITH p MATCH (p)-[:LOCATED_IN|IN_PARK*1..2]->(:City)-[:PART_OF*1..3]->(u:City) RETURN collect(DISTINCT u.id) AS above }
        CALL { WITH p MATCH (p)-[:PART_OF_CHAIN]->(ch:IndustryChain) RETURN collect(DISTINCT ch.id) AS chains }
        CALL { WITH p MATCH (p)-[:MENTIONED_IN]->(:Document)-[:DESCRIBES]->(dc:City) RETURN collect(DISTINCT dc.id) AS docCities }
        RETURN p.id AS id, p.cityIds AS cityIds, p.placeIds AS placeIds, p.chainIds AS chainIds, stated, above, chains, docCities`);
      expect(rows.length).toBe(manifest.nodes.Project);
      const sorted = (xs: string[]) => [...xs].sort();
      for (const r of rows) {
        expect(sorted(r.chainIds), r.id).toEqual(sorted(r.chains));
        for (const city of [...r.stated, ...r.above, ...r.cityIds])
          expect(r.placeIds, `${r.id} placeIds lacks ${city}`).toContain(city);
        if (r.stated.length === 0) expect(sorted(r.cityIds), r.id).toEqual(sorted(r.docCities));
        else for (const city of r.cityIds) expect([...r.stated, ...r.above], r.id).toContain(city);
      }
      // The 郴州 projects of doc:001 sit in its counties: placed under 郴州市 and grouped as 郴州市.
      const chenzhou = rows.filter((r) => r.placeIds.includes('city:chenzhou'));
      expect(chenzhou.length).toBeGreaterThan(5);
      expect(
        chenzhou
          .filter((r) => r.stated.some((c) => c !== 'city:chenzhou'))
          .every((r) => r.cityIds.includes('city:chenzhou')),
      ).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('fails on a malformed seed file with file and line, and leaves the graph as it was', async () => {
    const { store } = await seededTestStore();
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

  // The embedded engine's own (GRAPH_PATH); a Neo4j store reopening is in the store contract.
  it.skipIf(ON_NEO4J)('keeps the graph on disk across a reopen (GRAPH_PATH)', async () => {
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
