/**
 * The Neo4j-native surface: the query library in cypher/queries/ runs on the embedded engine
 * with its `:param` defaults and answers correctly on the seeded graph; the Browser guide is built
 * from exactly those files; the GraSS stylesheet covers every label and relationship type; and
 * the bundle cypher/all.cypher loads the same graph as the per-file seeds.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserGuideRouter,
  defaultParams,
  parseQueryFile,
  readQueryLibrary,
  renderBrowserGuide,
  type LibraryQuery,
} from '../src/browser-guide/index.js';
import { countGraph } from '../src/store/graph-counts.js';
import { readManifest, readSeedScripts } from '../src/seeding/seed-files.js';
import { GrafeoStore } from '../src/store/grafeo-store.js';
import type { GraphStore, Row } from '../src/store/graph-store.js';
import { CYPHER_DIR, ON_NEO4J, seededTestStore } from './support/test-store.js';

const QUERIES_DIR = `${CYPHER_DIR}/queries`;
const GRASS = `${CYPHER_DIR}/chainatlas.grass`;
const DOCUMENT_EDGES = ['MENTIONED_IN', 'DESCRIBES'];

let store: GraphStore;
let library: LibraryQuery[];

beforeAll(async () => {
  ({ store } = await seededTestStore());
  library = await readQueryLibrary(QUERIES_DIR);
});

afterAll(async () => {
  await store?.close();
});

function query(topic: string): LibraryQuery {
  const q = library.find((x) => x.topic === topic);
  if (!q) throw new Error(`no library query with topic ${topic}`);
  return q;
}

/** Runs a library query with its defaults, overridden by `params`. */
async function run<T = Row>(topic: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const q = query(topic);
  return store.read<T>(q.statement, { ...defaultParams(q), ...params });
}

const HAN = /\p{Script=Han}/u;

describe('query library files', () => {
  it('holds a dozen or more files named NN_topic.cypher, numbered 01 upwards', () => {
    expect(library.length).toBeGreaterThanOrEqual(12);
    expect(library.map((q) => q.number)).toEqual(library.map((_, i) => String(i + 1).padStart(2, '0')));
    expect(library[0]!.file).toBe('01_chain_leaders_by_park.cypher');
  });

  it('each has a header in Chinese and English, :param lines for exactly the parameters it reads, and one query', () => {
    for (const q of library) {
      for (const field of [q.title, q.question, q.parameters, q.returns]) {
        expect(field.zh, q.file).toMatch(HAN);
        expect(field.en, q.file).toMatch(/[A-Za-z]{3}/);
      }
      expect(q.params.length, `${q.file} sets no :param`).toBeGreaterThan(0);
      expect(q.params.map((p) => p.name).sort(), q.file).toEqual(q.usedParams);
      expect(q.query.endsWith(';'), q.file).toBe(true);
      expect(q.statement, q.file).not.toMatch(/^\s*:/m);
    }
  });

  it('names arrive as parameters that accept a name, an alias or an id', () => {
    const nameParams = library.flatMap((q) =>
      q.params.filter((p) => typeof p.value === 'string').map((p) => ({ q, p })),
    );
    expect(nameParams.length).toBeGreaterThan(10);
    for (const { q, p } of nameParams) {
      // Documents have ids, titles and files, not aliases; a relationship type and a basis are words of the model.
      if (['document', 'type', 'basis'].includes(p.name)) continue;
      expect(q.statement, `${q.file} $${p.name}`).toContain(`$${p.name} IN [`);
      expect(q.statement, `${q.file} $${p.name}`).toMatch(
        new RegExp(`\\.aliases OR toLower\\(replace\\(\\$${p.name}, ' ', ''\\)\\) IN \\w+\\.nameKeys`),
      );
    }
  });

  it('keeps variable-length bounds literal and lists no Grafeo-only or plugin syntax', () => {
    for (const q of library) {
      expect(q.statement, q.file).not.toMatch(/\*\s*\.*\s*\$/); // bounds from parameters
      expect(q.statement, q.file).not.toMatch(/\bapoc\.|\bgds\.|COLLECT\s*\{|SHORTEST\s+\d|duration\.between/i);
      expect(q.statement, q.file).not.toMatch(/\(\w*:\w+\|/); // label expressions in node patterns
    }
  });

  // The engine is the judge of what a literal means: the parser's reading must match the engine's.
  it(':param values are Cypher literals, read without evaluating them, and the engine reads them alike', async () => {
    let checked = 0;
    for (const q of library) {
      for (const p of q.params) {
        // Safe to hand to the engine: the text parsed as a literal, and reads change nothing.
        const [row] = await store.read<{ v: unknown }>(`RETURN ${p.literal} AS v`);
        expect(p.value, `${q.file} ${p.line}: the parser reads ${p.literal} otherwise than the engine`).toEqual(row!.v);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(library.length);
  });

  it('rejects a malformed file', () => {
    const header = [
      '// 标题: 题',
      '// Title: T',
      '// 问题: 问',
      '// Question: Q',
      '// 参数: 参',
      '// Parameters: P',
      '// 返回: 回',
      '// Returns: R',
      '',
    ];
    const ok = [...header, ":param x => 'a';", '', 'RETURN $x AS x;'].join('\n');
    expect(parseQueryFile('99_ok.cypher', ok).paramBlock).toBe(":param x => 'a';");
    expect(() => parseQueryFile('99_two.cypher', `${ok}\nRETURN 2 AS y;`)).toThrow(/2 statements/);
    expect(() => parseQueryFile('99_no_header.cypher', ":param x => 'a';\nRETURN $x AS x;")).toThrow(/header lacks/);
    expect(() => parseQueryFile('99_expr.cypher', ok.replace("'a'", 'toLower("A")'))).toThrow(/not a literal/);
    expect(() => parseQueryFile('bad name.cypher', ok)).toThrow(/NN_topic/);
  });
});

describe('every library query on the seeded embedded store', () => {
  it('runs with its :param defaults and returns rows', async () => {
    const empty: string[] = [];
    for (const q of library) {
      const rows = await store.read(q.statement, defaultParams(q));
      if (rows.length === 0) empty.push(q.file);
    }
    expect(empty, 'library queries that return nothing for their defaults').toEqual([]);
  });

  it('01: the chain leaders of 肇庆 include 小鹏汽车 and 风华高科, with the parks they anchor (or none)', async () => {
    const rows = await run<{
      park: string | null;
      chain: string;
      leader: string;
      anchoredBy: string | null;
      quote: string;
    }>('chain_leaders_by_park');
    const leaders = new Set(rows.map((r) => r.leader));
    expect(leaders).toContain('小鹏汽车');
    expect(leaders).toContain('风华高科');
    expect(rows).toContainEqual(
      // The text names no park for 风华高科 (its 高端电容基地 is its own plant): it is listed without one.
      expect.objectContaining({ leader: '风华高科', chain: '电子材料', park: null }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        leader: '小鹏汽车',
        chain: '汽车零部件',
        park: '高要汽车零部件产业园',
        anchoredBy: expect.stringContaining('HAS_INDUSTRY'),
      }),
    );
    expect(leaders).not.toContain('中南钢铁'); // 韶关's
    for (const r of rows) expect(r.quote).toBeTruthy();
  });

  it('01: 绿色钢铁 is led by 中南钢铁, anchoring 广东省韶钢产业园, whichever name or id asks for 韶关', async () => {
    for (const city of ['韶关', '韶关市', 'Shaoguan', 'city:shaoguan']) {
      const rows = await run<{ park: string | null; chain: string; leader: string }>('chain_leaders_by_park', { city });
      const steel = rows.filter((r) => r.chain === '绿色钢铁');
      expect(steel, city).toEqual([expect.objectContaining({ leader: '中南钢铁', park: '广东省韶钢产业园' })]);
    }
  });

  it('02: a city profile lists its parent, districts, parks and chains', async () => {
    const [row] = await run<{
      id: string;
      partOf: string[];
      subdivisions: string[];
      parks: string[];
      chains: string[];
      indicators: number;
    }>('city_profile');
    expect(row!.id).toBe('city:shaoguan');
    expect(row!.partOf).toEqual(['广东省']);
    expect(row!.subdivisions.some((s) => s.startsWith('曲江区'))).toBe(true);
    expect(row!.parks).toContain('广东省韶钢产业园');
    expect(row!.chains).toContain('绿色钢铁');
    expect(row!.indicators).toBeGreaterThan(0);
  });

  it('03: projects of 郴州 of at least 100 亿元 include 上海安能项目 (406), largest first', async () => {
    const rows = await run<{ project: string; amountYi: number; investors: string[] }>('projects_over_amount');
    expect(rows[0]).toEqual(expect.objectContaining({ project: '上海安能项目', amountYi: 406, investors: ['安能'] }));
    expect(rows.map((r) => r.project)).toEqual(expect.arrayContaining(['鞍重股份项目', '科力远项目', '大中矿业项目']));
    for (const r of rows) expect(r.amountYi).toBeGreaterThanOrEqual(100);
    expect(rows.map((r) => r.amountYi)).toEqual([...rows.map((r) => r.amountYi)].sort((a, b) => b - a));
    const over300 = await run<{ project: string }>('projects_over_amount', { city: 'Chenzhou', minAmountYi: 300 });
    expect(over300.map((r) => r.project)).toEqual(['上海安能项目']);
  });

  it('04: policies issued in 韶关 come with their issuers, what they act on and their targets', async () => {
    const rows = await run<{ policy: string; issuedBy: string; appliesTo: string[] }>('policies_by_issuer');
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.issuedBy).toMatch(/韶关/);
    expect(rows.some((r) => r.appliesTo.length > 0)).toBe(true);
    const yangjiang = await run<{ policy: string; docNumber: string | null; assigned: string[]; targets: number }>(
      'policies_by_issuer',
      { issuer: '阳江' },
    );
    const plan = yangjiang.find((r) => r.docNumber === '阳府〔2023〕14号');
    expect(plan?.assigned.some((a) => a.endsWith('(牵头)'))).toBe(true);
    expect(plan?.targets).toBeGreaterThan(10);
  });

  it("05: 东莞 is paired with 韶关 (对口帮扶), and 韶关's parks with 东莞's", async () => {
    const rows = await run<{ from: string; mode: string; to: string; quote: string }>('paired_places');
    expect(rows).toContainEqual(expect.objectContaining({ from: '东莞市', mode: '对口帮扶', to: '韶关市' }));
    expect(rows).toContainEqual(expect.objectContaining({ from: '韶关高新区', to: '松山湖高新区' }));
    for (const r of rows) expect(r.quote).toBeTruthy();
  });

  it('06: shortest paths run through facts only, never documents', async () => {
    const rows = await run<{ hops: number; names: string[]; types: string[] }>('shortest_paths');
    expect(rows.length).toBeGreaterThan(0);
    const hops = rows[0]!.hops;
    for (const r of rows) {
      expect(r.hops).toBe(hops);
      expect(r.types).toHaveLength(hops);
      expect(r.names[0]).toBe('小鹏汽车');
      expect(r.names.at(-1)).toBe('风华高科');
      for (const t of r.types) expect(DOCUMENT_EDGES).not.toContain(t);
    }
    // Both are placed in 肇庆市 (LOCATED_IN, inferred from the Zhaoqing article): two hops through their city,
    // as short as the way through the document that mentions both, which the type check above rules out.
    expect(hops).toBe(2);
    expect(rows.map((r) => r.names[1])).toContain('肇庆市');
  });

  it('06: the pattern lists every fact relationship type of the graph', async () => {
    const manifest = await readManifest(CYPHER_DIR);
    const facts = Object.keys(manifest!.relationships).filter((t) => !DOCUMENT_EDGES.includes(t));
    const listed = /\[:([A-Z_|]+)\*\.\.\d+\]/.exec(query('shortest_paths').statement)![1]!.split('|');
    expect([...listed].sort()).toEqual(expect.arrayContaining(facts.sort()));
    for (const t of DOCUMENT_EDGES) expect(listed).not.toContain(t);
  });

  it('07: the evidence for 中南钢铁 → 绿色钢铁 is a quote from a named document, with offsets', async () => {
    const rows = await run<{
      subject: string;
      relationship: string;
      object: string;
      properties: string[];
      quote: string;
      document: string;
      span: number[];
    }>('evidence_for_fact');
    const lead = rows.find((r) => r.relationship === 'LEADS_CHAIN');
    expect(lead).toEqual(
      expect.objectContaining({ subject: '中南钢铁', object: '绿色钢铁', properties: ['basis: stated', 'role: 龙头'] }),
    );
    expect(lead!.quote).toContain('中南钢铁');
    expect(lead!.document).toMatch(/韶关/);
    expect(lead!.span[1]! - lead!.span[0]!).toBe(lead!.quote.length);
  });

  it('07: a fact the documents take for granted has one row, with its basis and no quote', async () => {
    const [fact] = await store.read<{ from: string; to: string; type: string; reason: string }>(
      "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.basis = 'world-knowledge' RETURN a.id AS from, b.id AS to, type(r) AS type, r.reason AS reason LIMIT 1",
    );
    expect(fact, 'no world-knowledge fact in the graph').toBeDefined();
    const rows = await run<{
      relationship: string;
      properties: string[];
      quote: string | null;
      document: string | null;
    }>('evidence_for_fact', {
      from: fact!.from,
      to: fact!.to,
    });
    const row = rows.find((r) => r.relationship === fact!.type);
    expect(row).toEqual(expect.objectContaining({ quote: null, document: null }));
    expect(row!.properties).toEqual(expect.arrayContaining(['basis: world-knowledge', `reason: ${fact!.reason}`]));
  });

  it("07: a fact two documents give different statuses lists each document's reading", async () => {
    const rows = await run<{ relationship: string; properties: string[]; documentId: string }>('evidence_for_fact', {
      from: '韶关',
      to: '装备制造',
    });
    const facts = rows.filter((r) => r.relationship === 'HAS_INDUSTRY');
    expect(new Set(facts.map((r) => r.documentId))).toEqual(new Set(['doc:000', 'doc:004']));
    for (const r of facts) {
      expect(r.properties).toEqual(
        expect.arrayContaining(['status: existing', 'status in doc:004: under-way', 'status in doc:000: existing']),
      );
      expect(r.properties.filter((p) => p.startsWith('statuses') || p.startsWith('statusDocs'))).toEqual([]);
    }
  });

  it('08: a Traditional alias, an English name and an id find the same entity', async () => {
    for (const [name, matchedBy] of [
      ['肇慶', 'alias'],
      ['Zhaoqing', 'nameKey'],
      ['city:zhaoqing', 'id'],
      ['肇庆市', 'name'],
    ] as const) {
      const rows = await run<{ id: string; matchedBy: string; relationships: number }>('entity_lookup', { name });
      expect(rows, name).toEqual([expect.objectContaining({ id: 'city:zhaoqing', matchedBy })]);
      expect(rows[0]!.relationships).toBeGreaterThan(0);
    }
  });

  it('09: a document lists the entities it mentions with their quotes', async () => {
    const rows = await run<{ id: string; firstQuote: string; mentions: number }>('document_mentions');
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['city:zhaoqing', 'ent:xpeng', 'ent:fenghua-gaoke']));
    for (const r of rows) expect(r.mentions).toBeGreaterThan(0);
  });

  it('10: 汽车零部件 is led by 小鹏汽车 and 瑞庆时代 and developed in 肇庆 and 韶关', async () => {
    const rows = await run<{ relationship: string; name: string }>('chain_members_and_projects');
    const leaders = rows.filter((r) => r.relationship === 'LEADS_CHAIN').map((r) => r.name);
    expect(leaders).toEqual(expect.arrayContaining(['小鹏汽车', '瑞庆时代']));
    const places = rows.filter((r) => r.relationship === 'HAS_INDUSTRY').map((r) => r.name);
    expect(places).toEqual(expect.arrayContaining(['肇庆市', '韶关市']));
  });

  it('11: enterprises investing in 郴州 include 安能 (written 上海安能) with 406 亿元', async () => {
    const rows = await run<{ enterprise: string; project: string; amountYi: number | null }>(
      'enterprise_projects_in_city',
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ enterprise: '安能', project: '上海安能项目', amountYi: 406 }),
    );
  });

  it('12: indicators of 郴州 carry a value, a unit and a quote', async () => {
    const rows = await run<{ subject: string; value: number; unit: string; quote: string }>('city_indicators');
    expect(rows.some((r) => r.subject === '郴州市')).toBe(true);
    for (const r of rows) {
      expect(typeof r.value).toBe('number');
      expect(r.quote).toBeTruthy();
    }
  });

  it('13: 风华高科 is supplied by 洁美电子 and leads 电子材料', async () => {
    const rows = await run<{ direction: string; relationship: string; other: string }>('enterprise_profile');
    expect(rows).toContainEqual(
      expect.objectContaining({ direction: '←', relationship: 'SUPPLIES', other: '洁美电子' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ direction: '→', relationship: 'LEADS_CHAIN', other: '电子材料' }),
    );
  });

  it('15: the 2023 Yangjiang plan, found by its document number, commits to 350 亿元 of manufacturing value added by 2027', async () => {
    for (const policy of ['阳府〔2023〕14号', 'policy:yangjiang-zhizao-qiangshi', '阳江市高质量建设制造强市实施方案']) {
      const rows = await run<{
        policy: string;
        metric: string;
        value: number;
        unit: string;
        year: number | null;
        subject: string;
        alsoSetBy: string[];
      }>('plan_targets', { policy });
      expect(rows.length, policy).toBeGreaterThan(10);
      expect(new Set(rows.map((r) => r.policy))).toEqual(new Set(['阳江市高质量建设制造强市实施方案']));
      expect(rows).toContainEqual(
        expect.objectContaining({ metric: '制造业增加值', value: 350, unit: '亿元', year: 2027, subject: '阳江市' }),
      );
      // Its actions set some of the same targets.
      expect(rows.some((r) => r.alsoSetBy.length > 0)).toBe(true);
    }
  });

  it('16: every pairing, with its basis, qualifiers and quotes; and only the inferred ones when asked', async () => {
    const manifest = await readManifest(CYPHER_DIR);
    const rows = await run<{
      subject: string;
      object: string;
      basis: string;
      reason: string | null;
      qualifiers: string[];
      quotes: string[];
    }>('facts_of_a_type');
    expect(rows).toHaveLength(manifest!.relationships.PAIRED_WITH!);
    expect(rows).toContainEqual(
      expect.objectContaining({
        subject: '东莞市',
        object: '韶关市',
        basis: 'stated',
        qualifiers: expect.arrayContaining(['mode: 对口帮扶', 'round: 第三轮']),
      }),
    );
    for (const r of rows) expect(r.quotes.length).toBeGreaterThan(0);
    const inferred = await run<{ basis: string; reason: string }>('facts_of_a_type', {
      type: 'LOCATED_IN',
      basis: 'inferred',
    });
    expect(inferred.length).toBeGreaterThan(10);
    for (const r of inferred)
      expect(r).toEqual(expect.objectContaining({ basis: 'inferred', reason: expect.any(String) }));
  });

  it('14: the model query accounts for every relationship the manifest declares', async () => {
    const rows = await run<{
      relationship: string;
      relationships: number;
      withEvidence: number;
      fromWorldKnowledge: number;
    }>('graph_model');
    const manifest = await readManifest(CYPHER_DIR);
    const byType: Record<string, number> = {};
    for (const r of rows) byType[r.relationship] = (byType[r.relationship] ?? 0) + r.relationships;
    expect(byType).toEqual(manifest!.relationships);
    for (const r of rows) {
      if (DOCUMENT_EDGES.includes(r.relationship)) expect(r.withEvidence).toBe(0);
      else expect(r.withEvidence + r.fromWorldKnowledge, r.relationship).toBe(r.relationships);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Browser guide

function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function runnableBlocks(html: string): string[] {
  return [...html.matchAll(/<pre class="([^"]*)">([\s\S]*?)<\/pre>/g)]
    .filter((m) => m[1]!.split(/\s+/).includes('runnable'))
    .map((m) => decodeHtml(m[2]!).trim());
}

describe('Neo4j Browser guide', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderBrowserGuide(QUERIES_DIR, { styleUrl: 'http://localhost:4000/browser-guide/style.grass' });
  });

  it('is an <article class="guide"> of <slide> elements with a <title>', () => {
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<article class="guide">');
    const open = html.match(/<slide\b/g) ?? [];
    expect(open.length).toBe((html.match(/<\/slide>/g) ?? []).length);
    expect(open.length).toBeGreaterThanOrEqual(library.length + 3);
    expect(html.match(/<pre\b/g)?.length).toBe(html.match(/<\/pre>/g)?.length);
  });

  it('has every slide in Chinese and in English', () => {
    const slides = [...html.matchAll(/<slide\b[^>]*>([\s\S]*?)<\/slide>/g)].map((m) => m[1]!);
    for (const s of slides) {
      const zh = [...s.matchAll(/<p[^>]*lang="zh-CN"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!).join(' ');
      const en = [...s.matchAll(/<p[^>]*lang="en"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!).join(' ');
      expect(zh).toMatch(HAN);
      expect(en).toMatch(/[A-Za-z]{4,} [A-Za-z]{2,}/);
    }
  });

  it('contains every library query and its :param block exactly, and nothing runnable besides', () => {
    const blocks = runnableBlocks(html);
    const allowed = new Set(library.flatMap((q) => [q.query, q.paramBlock]));
    for (const q of library) {
      expect(blocks, q.file).toContain(q.query);
      expect(blocks, q.file).toContain(q.paramBlock);
      expect(html).toContain(`cypher/queries/${q.file}`);
    }
    expect(blocks.filter((b) => !allowed.has(b))).toEqual([]);
    // Browser runs the text of a block: the :param block is Browser commands, the query one statement.
    for (const b of blocks)
      if (b.startsWith(':')) for (const line of b.split('\n')) expect(line).toMatch(/^:param \w+ => .+;$/);
  });

  it('reads the files at render time: a new file shows up, its text verbatim', async () => {
    const { mkdtemp, cp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/chainatlas-guide-`);
    try {
      await cp(QUERIES_DIR, `${dir}/queries`, { recursive: true });
      const extra = (await readFile(`${QUERIES_DIR}/08_entity_lookup.cypher`, 'utf8')).replace(
        ":param name => '肇慶';",
        ":param name => 'Chen & <Zhou>';",
      );
      const next = String(library.length + 1).padStart(2, '0');
      await writeFile(`${dir}/queries/${next}_extra_lookup.cypher`, extra);
      const rendered = await renderBrowserGuide(`${dir}/queries`, { manifest: null });
      expect(runnableBlocks(rendered)).toContain(":param name => 'Chen & <Zhou>';");
      expect(rendered).toContain('Chen &amp; &lt;Zhou&gt;');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('points to the GraSS stylesheet', () => {
    expect(html).toContain('chainatlas.grass');
    expect(html).toContain('href="http://localhost:4000/browser-guide/style.grass"');
  });
});

describe('GraSS stylesheet', () => {
  /**
   * Rules as Neo4j Browser reads a .grass file: selector { property: value; … }, where a quoted
   * value may hold braces ("{name}") and the quotes are dropped.
   */
  function parseGrass(text: string): Record<string, Record<string, string>> {
    const rules: Record<string, Record<string, string>> = {};
    let selector = '';
    let body = '';
    let inString = false;
    let inRule = false;
    for (const c of text) {
      if (c === '"' || c === "'") {
        inString = !inString;
        continue;
      }
      if (!inString && c === '{' && !inRule) {
        inRule = true;
        continue;
      }
      if (!inString && c === '}' && inRule) {
        const props: Record<string, string> = {};
        for (const decl of body.split(';')) {
          const at = decl.indexOf(':');
          if (at > 0) props[decl.slice(0, at).trim()] = decl.slice(at + 1).trim();
        }
        rules[selector.trim()] = props;
        selector = '';
        body = '';
        inRule = false;
        continue;
      }
      if (inRule) body += c;
      else selector += c;
    }
    expect(inString || inRule, 'unbalanced quotes or braces').toBe(false);
    return rules;
  }

  it('captions every kind of node with {name} in a colour of its own, and every relationship with its type', async () => {
    const rules = parseGrass(await readFile(GRASS, 'utf8'));
    const manifest = await readManifest(CYPHER_DIR);
    const kinds = Object.keys(manifest!.nodes).filter((l) => l !== 'Entity');
    const colours = new Set<string>();
    for (const kind of kinds) {
      const rule = rules[`node.${kind}`];
      expect(rule, `node.${kind}`).toBeDefined();
      expect(rule!.caption).toBe('{name}');
      expect(rule!.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
      colours.add(rule!.color!.toUpperCase());
    }
    expect(colours.size).toBe(kinds.length);
    expect(rules.node?.caption).toBe('{name}');
    expect(rules.relationship?.caption).toBe('<type>');
    for (const type of Object.keys(manifest!.relationships))
      expect(rules[`relationship.${type}`]?.caption, type).toBe('<type>');
  });
});

describe('browserGuideRouter over HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use('/browser-guide', browserGuideRouter({ cypherDir: CYPHER_DIR }));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/browser-guide`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves the guide as HTML to any origin, with links back to itself', async () => {
    const res = await fetch(base, { headers: { origin: 'http://localhost:7474' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.text();
    expect(body).toContain(`href="${base}/style.grass"`);
    expect(body).toContain(`:play ${base}`);
    for (const q of library) expect(runnableBlocks(body)).toContain(q.query);
  });

  it('serves the stylesheet', async () => {
    const res = await fetch(`${base}/style.grass`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe(await readFile(GRASS, 'utf8'));
  });
});

// ---------------------------------------------------------------------------------------------
// Bundle vs per-file seeds

interface Dump {
  nodes: string[];
  relationships: string[];
}

/** Canonical JSON: object keys sorted at every level. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function dump(s: GrafeoStore): Promise<Dump> {
  const nodes = await s.read<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
  );
  const rels = await s.read<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props',
  );
  return {
    nodes: nodes.map((n) => canonical({ labels: [...n.labels].sort(), props: n.props })).sort(),
    relationships: rels.map((r) => canonical(r)).sort(),
  };
}

// Compares two files' graphs, not engines, in two empty databases: the embedded engine's to have.
describe.skipIf(ON_NEO4J)('cypher/all.cypher and the per-file seeds', () => {
  it('load identical graphs into two fresh embedded stores', async () => {
    const fromFiles = GrafeoStore.open({ timeoutMs: 30_000 });
    const fromBundle = GrafeoStore.open({ timeoutMs: 30_000 });
    try {
      await fromFiles.runScripts(await readSeedScripts(CYPHER_DIR));
      await fromBundle.runScripts([
        { source: `${CYPHER_DIR}/all.cypher`, text: await readFile(`${CYPHER_DIR}/all.cypher`, 'utf8') },
      ]);
      const [countsA, countsB] = [await countGraph(fromFiles), await countGraph(fromBundle)];
      expect(countsB).toEqual(countsA);
      const manifest = await readManifest(CYPHER_DIR);
      expect(countsA.relationships).toEqual(manifest!.relationships);
      const [a, b] = [await dump(fromFiles), await dump(fromBundle)];
      // Every entity, and the seed's fan-out statistics (the same in both).
      const [{ statistics }] = (await fromFiles.read('MATCH (s:Statistic) RETURN count(s) AS statistics')) as [
        { statistics: number },
      ];
      expect(statistics).toBeGreaterThan(100);
      expect(a.nodes.length).toBe(countsA.nodes.Entity! + statistics);
      expect(b.nodes).toEqual(a.nodes);
      expect(b.relationships).toEqual(a.relationships);
    } finally {
      await fromFiles.close();
      await fromBundle.close();
    }
  });
});
