import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countGraph } from '../src/store/graph-counts.js';
import { seedGraph } from '../src/seeding/seed-graph.js';
import { GrafeoStore } from '../src/store/grafeo-store.js';
import { ScriptError } from '../src/errors.js';
import { INVESTMENT_SUMMARY } from '../src/graphql/questions/investment-summary.js';
import { referenceParams } from '../src/graphql/references.js';
import { GROUPINGS } from '../src/knowledge/derived-properties.js';
import { seededStore } from './support/seeded-store.js';
import { CYPHER_DIR, ON_NEO4J, seededTestStore } from './support/test-store.js';

const manifest = JSON.parse(readFileSync(path.join(CYPHER_DIR, 'manifest.json'), 'utf8'));

describe('seeding from cypher/', () => {
  it('loads the graph the manifest declares, and a second run changes nothing', async () => {
    const { store, report } = await seededTestStore();
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
    const { store } = await seededTestStore();
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

  it('places every located kind at its most specific city, and gives every kind its places, parks and chains', async () => {
    const { store } = await seededTestStore();
    try {
      type Node = { id: string; kind: string; level: string | null; p: Record<string, unknown> };
      type Edge = { s: string; t: string; o: string };
      const nodes = await store.read<Node>(
        'MATCH (n:Entity) RETURN n.id AS id, n.kind AS kind, n.level AS level, properties(n) AS p',
      );
      const edges = await store.read<Edge>(
        'MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS s, type(r) AS t, b.id AS o',
      );
      const kind = new Map(nodes.map((n) => [n.id, n.kind]));
      const level = new Map(nodes.map((n) => [n.id, n.level]));
      const out = (id: string, types: string[], k?: string) =>
        edges.filter((e) => e.s === id && types.includes(e.t) && (!k || kind.get(e.o) === k)).map((e) => e.o);
      const into = (id: string, types: string[]) =>
        edges.filter((e) => e.o === id && types.includes(e.t)).map((e) => e.s);
      const closure = (start: string[], step: (id: string) => string[]) => {
        const seen = new Set<string>();
        const queue = [...start];
        while (queue.length) {
          const x = queue.shift()!;
          if (seen.has(x)) continue;
          seen.add(x);
          queue.push(...step(x));
        }
        return [...seen].sort();
      };
      const up = (k: string) => (id: string) => out(id, ['PART_OF'], k);
      const citiesAbove = (ids: string[]) => closure(ids, up('City'));
      const parksAbove = (ids: string[]) => closure(ids, up('Park'));
      const chainsAbove = (ids: string[]) => closure(ids, up('IndustryChain'));
      // The place rule in TypeScript: a park's cities are its own and those of the parks it is part of;
      // an enterprise's, project's or body's its own and those of its parks.
      const namedCities = (id: string): string[] =>
        kind.get(id) === 'Park'
          ? [...new Set(parksAbove([id]).flatMap((p) => out(p, ['LOCATED_IN'], 'City')))]
          : [...new Set([...out(id, ['LOCATED_IN'], 'City'), ...out(id, ['IN_PARK'], 'Park').flatMap(namedCities)])];
      const rank = (c: string) => (level.get(c) === 'province' ? 2 : level.get(c) === 'prefecture' ? 1 : 0);
      const sorted = (xs: unknown) => [...((xs as string[] | undefined) ?? [])].sort();
      let placed = 0;
      for (const n of nodes.filter((x) =>
        ['Park', 'Region', 'Enterprise', 'Project', 'Organization'].includes(x.kind),
      )) {
        const named = namedCities(n.id);
        const specific = [...named].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))[0];
        expect(n.p.cityId ?? null, n.id).toBe(specific ?? null);
        expect(sorted(n.p.placeIds), n.id).toEqual(citiesAbove(named));
        if (n.kind !== 'Region')
          expect(sorted(n.p.parkIds), n.id).toEqual(
            parksAbove(n.kind === 'Park' ? [n.id] : out(n.id, ['IN_PARK'], 'Park')),
          );
        if (specific) placed++;
      }
      expect(placed).toBeGreaterThan(200);
      for (const c of nodes.filter((x) => x.kind === 'City')) {
        expect(sorted(c.p.placeIds), c.id).toEqual(citiesAbove([c.id]));
        const above = citiesAbove([c.id]);
        expect(c.p.prefectureId ?? null, c.id).toBe(above.find((x) => level.get(x) === 'prefecture') ?? null);
        expect(c.p.provinceId ?? null, c.id).toBe(above.find((x) => level.get(x) === 'province') ?? null);
      }
      for (const ch of nodes.filter((x) => x.kind === 'IndustryChain'))
        expect(sorted(ch.p.chainIds), ch.id).toEqual(chainsAbove([ch.id]));
      const placesOf = (id: string) => sorted(nodes.find((x) => x.id === id)?.p.placeIds);
      // What is not located is placed by what it concerns.
      // A chain it concerns gives it no places: a chain node is shared by every place that develops it.
      const notChains = (ids: string[]) => ids.filter((id) => kind.get(id) !== 'IndustryChain');
      const concerning: Array<[string, (id: string) => string[]]> = [
        ['Policy', (id) => notChains(out(id, ['APPLIES_TO']))],
        ['Report', (id) => notChains(out(id, ['ABOUT']))],
        ['Designation', (id) => notChains(into(id, ['HAS_DESIGNATION']))],
        ['IndustryChain', (id) => into(id, ['HAS_INDUSTRY'])],
        [
          'Indicator',
          (id) => into(id, ['HAS_INDICATOR']).filter((s) => !['IndustryChain', 'Designation'].includes(kind.get(s)!)),
        ],
      ];
      for (const [k, related] of concerning)
        for (const n of nodes.filter((x) => x.kind === k))
          expect(sorted(n.p.placeIds), n.id).toEqual([...new Set(related(n.id).flatMap(placesOf))].sort());
      // 广东省韶钢产业园 is in 韶关市, not in the province its name begins with.
      expect(nodes.find((n) => n.id === 'park:shaogang')!.p.cityId).toBe('city:shaoguan');
    } finally {
      await store.close();
    }
  });

  it('the walk from a city that investmentSummary takes finds every project whose placeIds name the city', async () => {
    // The walk runs the place rule backwards; were the rule of the derivation to change alone, the
    // summaries by city would silently lose projects. Compared here for every city of the seeds.
    const { store } = await seededTestStore();
    try {
      const cities = await store.read<{ id: string }>('MATCH (c:City) RETURN c.id AS id ORDER BY id');
      let nonEmpty = 0;
      for (const { id } of cities) {
        const [row] = await store.read<{ projects: string[][][] }>(INVESTMENT_SUMMARY.city!, {
          ...referenceParams('city', id, 'city'),
          groupBy: 'STATUS',
          withProjects: true,
          projectKeys: ['id'],
          withEntity: false,
          entityKeys: null,
        });
        const walked = [...new Set(row!.projects.flatMap((g) => g.map(([projectId]) => projectId)))].sort();
        const listed = await store.read<{ id: string }>(
          'MATCH (p:Project) WHERE $city IN p.placeIds RETURN p.id AS id ORDER BY id',
          { city: id },
        );
        expect(walked, id).toEqual(listed.map((p) => p.id));
        if (walked.length) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(3);
    } finally {
      await store.close();
    }
  });

  it('stores for every city and grouping the investment totals the live summary adds up, and sums live when a name names several cities', async () => {
    // investmentSummary(groupBy, city) reads these totals instead of walking the city's projects;
    // were the derivation and the live query to drift apart, one city's summary would differ by
    // whether projects were selected. Compared here for every city and grouping of the seeds.
    const { store } = await seededTestStore();
    type Summary = {
      cityIds: string[];
      keys: string[];
      projectCounts: number[];
      totals: number[];
      withAmounts: number[];
    };
    const summary = async (text: string, city: string, groupBy: string) => {
      const [row] = await store.read<Summary>(text, {
        ...referenceParams('city', city, 'city'),
        groupBy,
        withProjects: false,
        projectKeys: null,
        withEntity: false,
        entityKeys: null,
      });
      const groups = row!.keys.map((key, i) => [
        key,
        row!.projectCounts[i],
        Math.round(row!.totals[i]! * 100) / 100,
        row!.withAmounts[i],
      ]);
      return { cityIds: row!.cityIds, groups: groups.sort((a, b) => (a[0]! < b[0]! ? -1 : 1)) };
    };
    try {
      const cities = await store.read<{ id: string; name: string }>(
        'MATCH (c:City) RETURN c.id AS id, c.name AS name ORDER BY id',
      );
      let compared = 0;
      for (const { id } of cities)
        for (const groupBy of GROUPINGS) {
          const stored = await summary(INVESTMENT_SUMMARY['city, stored']!, id, groupBy);
          expect(stored, `${id} by ${groupBy}`).toEqual(await summary(INVESTMENT_SUMMARY.city!, id, groupBy));
          compared += stored.groups.length;
        }
      expect(compared).toBeGreaterThan(50);
      // A name that names two cities (both keyed by it here): the stored totals of either would be
      // the wrong answer; the summary is the live one over both.
      const twoCities = '测试双城';
      const key = referenceParams('city', twoCities, 'city').cityKey;
      await store.write('MATCH (c:City) WHERE c.id IN $ids SET c.nameKeys = coalesce(c.nameKeys, []) + [$key]', {
        ids: ['city:chenzhou', 'city:shaoguan'],
        key,
      });
      const both = await summary(INVESTMENT_SUMMARY['city, stored']!, twoCities, 'CHAIN');
      expect(both.cityIds.sort()).toEqual(['city:chenzhou', 'city:shaoguan']);
      expect(both.groups).toEqual((await summary(INVESTMENT_SUMMARY.city!, twoCities, 'CHAIN')).groups);
      for (const one of ['city:chenzhou', 'city:shaoguan'])
        expect(both.groups).not.toEqual((await summary(INVESTMENT_SUMMARY['city, stored']!, one, 'CHAIN')).groups);
      // A graph seeded before the totals existed has no node to read: summed live, never an empty answer.
      const stored = await summary(INVESTMENT_SUMMARY['city, stored']!, 'city:chenzhou', 'STATUS');
      await store.write("MATCH (s:Statistic) WHERE s.statistic = 'investment' DETACH DELETE s");
      expect(await summary(INVESTMENT_SUMMARY['city, stored']!, 'city:chenzhou', 'STATUS')).toEqual(stored);
    } finally {
      await store.close();
    }
  });

  it('records the fan-out of every relationship type and direction, per pair of kinds, and the size of every kind', async () => {
    const { store } = await seededTestStore();
    try {
      type Stat = { id: string; p99: number; max: number; sources: number };
      const stats = new Map(
        (
          await store.read<Stat>(
            "MATCH (s:Statistic {statistic: 'fan-out'}) RETURN s.id AS id, s.p99 AS p99, s.max AS max, s.sources AS sources",
          )
        ).map((s) => [s.id, s]),
      );
      const edges = await store.read<{ t: string; a: string; ak: string; b: string; bk: string }>(
        'MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS t, a.id AS a, a.kind AS ak, b.id AS b, b.kind AS bk',
      );
      // The degrees, counted in TypeScript; p99 is the nearest rank of the sorted degrees.
      const degrees = new Map<string, Map<string, number>>();
      for (const e of edges)
        for (const [dir, near, nk, fk] of [
          ['OUT', e.a, e.ak, e.bk],
          ['IN', e.b, e.bk, e.ak],
        ] as const) {
          const key = `fan-out ${e.t} ${dir} ${nk} ${fk}`;
          const byNode = degrees.get(key) ?? new Map<string, number>();
          byNode.set(near, (byNode.get(near) ?? 0) + 1);
          degrees.set(key, byNode);
        }
      expect([...stats.keys()].sort()).toEqual([...degrees.keys()].sort());
      for (const [key, byNode] of degrees) {
        const d = [...byNode.values()].sort((x, y) => x - y);
        expect(stats.get(key), key).toEqual({
          id: key,
          p99: d[Math.ceil(0.99 * d.length) - 1],
          max: d.at(-1),
          sources: d.length,
        });
      }
      const sizes = await store.read<{ kind: string; count: number }>(
        "MATCH (s:Statistic {statistic: 'size'}) RETURN s.kind AS kind, s.count AS count ORDER BY kind",
      );
      expect(Object.fromEntries(sizes.map((s) => [s.kind, s.count]))).toEqual(
        Object.fromEntries(
          Object.entries(manifest.nodes as Record<string, number>).filter(([label]) => label !== 'Entity'),
        ),
      );
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
