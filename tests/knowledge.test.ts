/** The curated seeds, checked against the real corpus (CORPUS_DIR) and the generated cypher/. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../src/config.js';
import { buildSeedFiles, staleFiles, type BuildResult } from '../src/knowledge/build-seed-files.js';
import { SeedError } from '../src/knowledge/load-seeds.js';
import type { GrafeoStore } from '../src/store/grafeo-store.js';
import { seededStore } from './support/seeded-store.js';

const { corpusDir, cypherDir } = loadConfig();
let build: BuildResult;
let store: GrafeoStore;
const originals = new Map<string, string>();

beforeAll(async () => {
  build = await buildSeedFiles('seeds', corpusDir);
  for (const doc of build.knowledge.documents)
    originals.set(doc.id, readFileSync(path.join(corpusDir, doc.file), 'utf8'));
  ({ store } = await seededStore());
});
afterAll(() => store.close());

describe('curated knowledge', () => {
  it('the committed cypher/ files are exactly what the seeds build to', async () => {
    expect(await staleFiles(cypherDir, build.files)).toEqual([]);
  });

  it('every evidence quote in the loaded graph stands verbatim at its offsets in the original document', async () => {
    const rows = await store.read<{ docs: string[]; quotes: string[]; starts: number[]; ends: number[] }>(`
      MATCH (n:Entity) RETURN n.evidenceDocs AS docs, n.evidenceQuotes AS quotes, n.evidenceStarts AS starts, n.evidenceEnds AS ends
      UNION ALL
      MATCH ()-[r]->() WHERE r.evidenceDocs IS NOT NULL
      RETURN r.evidenceDocs AS docs, r.evidenceQuotes AS quotes, r.evidenceStarts AS starts, r.evidenceEnds AS ends`);
    let checked = 0;
    for (const row of rows) {
      row.docs.forEach((doc, i) => {
        const text = originals.get(doc);
        expect(text, doc).toBeDefined();
        expect(text!.slice(row.starts[i], row.ends[i])).toBe(row.quotes[i]);
        expect(row.quotes[i]!.length).toBeLessThanOrEqual(50);
        checked++;
      });
    }
    console.log(`verified ${checked} evidence quotes against ${originals.size} documents`);
    expect(checked).toBeGreaterThan(500);
  });

  it('every entity has evidence, a Simplified canonical name, and every fact has evidence', () => {
    const { entities, facts } = build.knowledge;
    for (const e of entities) {
      expect(e.evidence.length, e.id).toBeGreaterThan(0);
    }
    for (const f of facts) {
      if (f.props.basis === 'world-knowledge') expect(f.evidence, `${f.s} ${f.p} ${f.o}`).toEqual([]);
      else expect(f.evidence.length, `${f.s} ${f.p} ${f.o}`).toBeGreaterThan(0);
    }
  });

  it('marks every fact no document states as world knowledge, with its reason', async () => {
    const rows = await store.read<{ type: string; basis: string | null; reason: string | null }>(`
      MATCH ()-[r]->() WHERE r.evidenceDocs IS NULL AND NOT type(r) IN ['MENTIONED_IN', 'DESCRIBES']
      RETURN type(r) AS type, r.basis AS basis, r.reason AS reason`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.basis).toBe('world-knowledge');
      expect(row.reason).toMatch(/administrative division/);
    }
  });

  it('MENTIONED_IN links each entity to every document that has evidence for it', async () => {
    const rows = await store.read<{ id: string; docs: string[]; mentioned: string[] }>(`
      MATCH (n:Entity) WHERE NOT n:Document
      OPTIONAL MATCH (n)-[:MENTIONED_IN]->(d:Document)
      RETURN n.id AS id, n.evidenceDocs AS docs, collect(d.id) AS mentioned`);
    for (const row of rows) expect([...row.mentioned].sort(), row.id).toEqual([...new Set(row.docs)].sort());
  });

  it('prints counts per label and relationship type', () => {
    const manifest = JSON.parse(build.files.get('manifest.json')!);
    console.log('nodes', manifest.nodes, 'relationships', manifest.relationships);
    expect(manifest.nodes.Document).toBe(build.knowledge.documents.length);
  });
});

describe('bad seed input fails the build with the file, the entry and the reason', () => {
  let dir: string;
  const seedName = readdirSync('seeds').find((n) => n.endsWith('.yaml'))!;
  const original = parse(readFileSync(path.join('seeds', seedName), 'utf8'));

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-seeds-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const attempt = async (mutate: (seed: any) => void) => {
    rmSync(dir, { recursive: true, force: true });
    cpSync('seeds', dir, { recursive: true });
    const seed = structuredClone(original);
    mutate(seed);
    writeFileSync(path.join(dir, seedName), stringify(seed));
    return buildSeedFiles(dir, corpusDir).then(
      () => undefined,
      (e: unknown) => e,
    );
  };

  it.each([
    [
      'an unknown predicate',
      (s: any) => (s.facts[0].p = 'OWNS'),
      /facts\[0\] .* field p: Invalid enum value.*received 'OWNS'/,
    ],
    [
      'missing evidence',
      (s: any) => (s.entities[0].evidence = []),
      /entities\[0\] \(.+\) field evidence: every entity needs at least one evidence quote/,
    ],
    [
      'a quote not in the document',
      (s: any) => (s.entities[1].evidence = ['这句话不在文中出现']),
      /entities\[1\] \(.+\): quote not found in doc:\d{3}: "这句话不在文中出现"/,
    ],
    [
      'a dangling id',
      (s: any) => (s.facts[0].o = 'city:atlantis'),
      /facts\[0\] \(.+ city:atlantis\): object city:atlantis is not declared in any seed file/,
    ],
    [
      'an unknown property',
      (s: any) => (s.entities[0].props.population = 5),
      /entities\[0\] .*Unrecognized key|population/,
    ],
    [
      'a quote too long',
      (s: any) => (s.entities[0].evidence = ['一'.repeat(51)]),
      /entities\[0\] .* field evidence\.0: String must contain at most 50 character/,
    ],
  ])('%s', async (_, mutate, message) => {
    const error = await attempt(mutate);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toContain(path.join(dir, seedName));
    expect((error as SeedError).message).toMatch(message);
  });
});

describe('the built graph follows the model', () => {
  it('every node and every fact relationship has a basis, and every inferred one a reason', async () => {
    const rels = await store.read<{ type: string; basis: string | null; reason: string | null; n: number }>(`
      MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONED_IN', 'DESCRIBES']
      RETURN type(r) AS type, r.basis AS basis, r.reason IS NOT NULL AS reason, count(*) AS n`);
    const nodes = await store.read<{ kind: string; basis: string | null; n: number }>(
      'MATCH (n:Entity) RETURN n.kind AS kind, n.basis AS basis, count(*) AS n',
    );
    for (const r of rels) {
      expect(['stated', 'inferred', 'world-knowledge'], `${r.type} ${r.basis}`).toContain(r.basis);
      expect(r.reason, `${r.type} ${r.basis}`).toBe(r.basis !== 'stated');
    }
    for (const n of nodes) expect(['stated', 'inferred'], `${n.kind} ${n.basis}`).toContain(n.basis);
    const byBasis = (rows: Array<{ basis: string | null; n: number }>) =>
      rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.basis!]: (acc[r.basis!] ?? 0) + r.n }), {});
    console.log('relationships by basis', byBasis(rels), 'nodes by basis', byBasis(nodes));
  });

  it('every park and project reaches a city (at least 95% is the bar)', async () => {
    const rows = await store.read<{ kind: string; placed: boolean; n: number }>(`
      MATCH (x:Entity) WHERE x.kind IN ['Park', 'Project']
      RETURN x.kind AS kind,
             EXISTS { MATCH (x)-[:LOCATED_IN|IN_PARK|PART_OF*1..4]->(:City) } AS placed, count(*) AS n`);
    for (const kind of ['Park', 'Project']) {
      const placed = rows.find((r) => r.kind === kind && r.placed)?.n ?? 0;
      const all = rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.n, 0);
      expect(placed / all, kind).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('no policy is an honour, title, region or report any more, and APPLIES_TO only says what a policy acts on', async () => {
    // Honours (HAS_DESIGNATION), regions (IN_REGION) and reports (ABOUT) have predicates of their own.
    const [row] = await store.read<{ applies: number; congress: number }>(`
      OPTIONAL MATCH (s)-[a:APPLIES_TO]->(o)
      WHERE NOT s:Policy OR o:Designation OR o:Report OR o:Indicator OR o:Policy
      WITH count(a) AS applies
      OPTIONAL MATCH (o:Organization) WHERE o.name CONTAINS '党代会'
      RETURN applies, count(o) AS congress`);
    expect(row).toEqual({ applies: 0, congress: 0 });
    const policies = await store.read<{ name: string }>('MATCH (p:Policy) RETURN p.name AS name');
    for (const word of ['示范县', '森林城市', '单项冠军', '都市圈', '调研报告', '专精特新'])
      expect(
        policies.map((p) => p.name).filter((n) => n.includes(word)),
        word,
      ).toEqual([]);
  });
});
