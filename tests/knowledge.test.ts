/** The curated seeds, checked against the real corpus (CORPUS_DIR) and the generated cypher/. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../src/config.js';
import { buildSeedFiles, staleFiles, type BuildResult } from '../src/knowledge/build-seed-files.js';
import { SeedError } from '../src/errors.js';
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

  it('the manifest counts what the seed files hold, counted from the YAML itself', () => {
    // Independently of the builder: entities by id per kind, facts by (s, p, o) across the document
    // seeds and world knowledge, one MENTIONED_IN per entity and document its evidence cites.
    const nodes: Record<string, Set<string>> = {};
    const facts: Record<string, Set<string>> = {};
    const mentions = new Map<string, Set<string>>();
    const documents = new Set<string>();
    const files = readdirSync('seeds').filter((n) => /^\d{3}_.*\.yaml$/.test(n));
    for (const name of files) {
      const seed = parse(readFileSync(path.join('seeds', name), 'utf8'));
      const doc: string = seed.document.id;
      documents.add(doc);
      for (const e of seed.entities) {
        (nodes[e.kind] ??= new Set()).add(e.id);
        const cited = mentions.get(e.id) ?? new Set<string>();
        for (const ev of e.evidence) cited.add(typeof ev === 'string' ? doc : ev.doc);
        mentions.set(e.id, cited);
      }
      for (const f of seed.facts ?? []) (facts[f.p] ??= new Set()).add(`${f.s} ${f.p} ${f.o}`);
    }
    for (const f of parse(readFileSync('seeds/world-knowledge.yaml', 'utf8')).facts)
      (facts[f.p] ??= new Set()).add(`${f.s} ${f.p} ${f.o}`);
    const ids = new Set(Object.values(nodes).flatMap((set) => [...set]));
    const expected = {
      nodes: {
        ...Object.fromEntries(Object.entries(nodes).map(([kind, set]) => [kind, set.size])),
        Document: documents.size,
        Entity: ids.size + documents.size,
      },
      relationships: {
        ...Object.fromEntries(Object.entries(facts).map(([p, set]) => [p, set.size])),
        DESCRIBES: documents.size,
        MENTIONED_IN: [...mentions.values()].reduce((n, docs) => n + docs.size, 0),
      },
    };
    const manifest = JSON.parse(build.files.get('manifest.json')!);
    console.log('nodes', manifest.nodes, 'relationships', manifest.relationships);
    expect(manifest).toEqual(expected);
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
