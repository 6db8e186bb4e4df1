/**
 * A deterministic synthetic ChainAtlas graph for benchmarks: the same labels (:Entity plus one kind
 * label), property names (id, kind, name, nameEn, aliases, searchText, nameKeys, kind-specific
 * properties, the parallel evidence lists) and relationship types as the seeded graph, at any size
 * (~1k, ~100k, ~1M nodes), with a skewed degree distribution (large prefectures hold most parks,
 * enterprises and projects; a few big enterprises operate many projects).
 *
 * Names are composed from Chinese characters (unique per kind), with pinyin forms in searchText,
 * so the full-text index and search see realistic CJK text. The structure is planned once into
 * typed arrays; node and relationship rows are produced batch by batch, each entity from its own
 * seeded PRNG stream, so a 1M graph never sits in the JS heap as objects.
 *
 * Loading goes through the GraphStore interface only: the real cypher/000_schema.cypher via
 * runScripts, then `UNWIND $rows` statements via store.write, the same Cypher on Grafeo and Neo4j.
 */
import { readFile } from 'node:fs/promises';
import { pinyin } from 'pinyin-pro';
import * as derivedProperties from '../src/knowledge/derived-properties.js';
import { DERIVED_FILE } from '../src/knowledge/derived-properties.js';
import { splitCypherScript } from '../src/store/cypher-script.js';
import { z } from 'zod';
import {
  NODE_LABELS,
  PREDICATES,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type Predicate,
} from '../src/knowledge/seed-schema.js';
import type { GraphStore } from '../src/store/graph-store.js';

/**
 * The labels and relationship types come from the seed schema (src/knowledge/seed-schema.ts), the
 * model's one home: a kind or predicate added there is generated here too, by the generic rules
 * below until it gets a shape of its own. The planned kinds keep their order (it seeds the random
 * streams, so a graph of a given size and seed stays the same).
 */
const PLANNED_KINDS = [
  'City',
  'Park',
  'IndustryChain',
  'Enterprise',
  'Project',
  'Policy',
  'Organization',
  'Indicator',
  'Document',
] as const;
export type Kind = NodeLabel;
export const KINDS: readonly Kind[] = [
  ...PLANNED_KINDS.filter((k) => (NODE_LABELS as readonly string[]).includes(k)),
  ...NODE_LABELS.filter((k) => !(PLANNED_KINDS as readonly string[]).includes(k)),
];

export type RelType = string;
export const REL_TYPES: readonly RelType[] = Object.keys(RELATIONSHIP_TYPES);

/** One CREATE statement per kind and per relationship type (labels and types cannot be parameters). */
export const NODE_STATEMENTS: Record<Kind, string> = Object.fromEntries(
  KINDS.map((k) => [k, `UNWIND $rows AS row CREATE (n:Entity:${k}) SET n = row`]),
) as Record<Kind, string>;
const REL_STATEMENTS: Record<RelType, string> = Object.fromEntries(
  REL_TYPES.map((t) => [
    t,
    `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:${t}]->(b) SET r = row.props`,
  ]),
);

/** A predicate's required qualifiers, each with the first value of its vocabulary (HAS_INDUSTRY status existing). */
function requiredQualifiers(qualifiers: z.ZodTypeAny): Props {
  const shape = qualifiers instanceof z.ZodObject ? (qualifiers.shape as z.ZodRawShape) : {};
  const props: Props = {};
  for (const [key, schema] of Object.entries(shape))
    if (schema instanceof z.ZodEnum) props[key] = (schema.options as string[])[0]!;
  return props;
}

/** Share of the nodes each kind gets (sums to 1 for the planned kinds); Enterprise takes the rounding remainder. */
const SHARE: Partial<Record<Kind, number>> = {
  City: 0.004,
  Park: 0.012,
  IndustryChain: 0.002,
  Enterprise: 0.33,
  Project: 0.27,
  Policy: 0.045,
  Organization: 0.045,
  Indicator: 0.272,
  Document: 0.02,
};
/** A kind without a planned share: a few nodes per thousand, at least five. */
const NEW_KIND_SHARE = 0.002;
const NEW_KIND_MINIMUM = 5;
const MINIMUM: Partial<Record<Kind, number>> = {
  City: 12,
  Park: 6,
  IndustryChain: 10,
  Enterprise: 20,
  Project: 20,
  Policy: 5,
  Organization: 5,
  Indicator: 5,
  Document: 3,
};

const ID_PREFIX: Partial<Record<Kind, string>> = {
  City: 'city',
  Park: 'park',
  IndustryChain: 'chain',
  Enterprise: 'ent',
  Project: 'proj',
  Policy: 'policy',
  Organization: 'org',
  Indicator: 'ind',
  Document: 'doc',
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** splitmix32-style hash of a few integers: the seed of one entity's stream. */
function hash(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, seeded PRNG; next() returns [0, 1). A class, not a closure: cheap to make per entity. */
export class Rand {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
export const prng = (seed: number) => new Rand(seed);

const int = (r: Rand, n: number) => Math.floor(r.next() * n);
/** Skewed pick in [0, n): low indices are popular (power-law-like degree distribution). */
const skew = (r: Rand, n: number, power = 2) => Math.min(n - 1, Math.floor(n * Math.pow(r.next(), power)));
/** Rounded to 2 decimals and never whole (so it stays a float on Neo4j too). */
const fractional = (x: number) => {
  const v = Math.round(x * 100) / 100;
  return Number.isInteger(v) ? v + 0.25 : v;
};
const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)]!;

// ---------------------------------------------------------------------------------------------
// Chinese-like names

/** Characters names are composed of (all Simplified; each has one reading in pinyin-pro). */
const STEM_CHARS = Array.from(
  '华安中新东南西北宁海江河山湖明光天星金银德福泰和平兴盛昌隆达通信诚恒嘉瑞祥永长广宏远鸿博志立成鑫源峰林森云龙凤阳春秋晨辉庆康丰茂富宝利益润泽洋清湘粤桂闽浙苏鲁豫川渝黔滇陕甘青晋冀辽吉皖赣鄂琼沪京津荣创联科智能精密工程机械装备汽车医生物化学食品农牧渔纺织服建筑石油煤钢铁铝铜锂硅伏储半导体芯材料韶肇湛茂梅汕潮揭惠珠佛莞顺禅雄英翁乐仁曲始连岭桥港湾溪泉',
).filter((c, i, all) => all.indexOf(c) === i);

const CHAIN_WORDS = [
  '新能源汽车',
  '电子信息',
  '生物医药',
  '装备制造',
  '新材料',
  '绿色食品',
  '现代农业',
  '数字经济',
  '智能家电',
  '海上风电',
  '光伏',
  '新型储能',
  '氢能',
  '半导体',
  '集成电路',
  '软件',
  '人工智能',
  '先进材料',
  '合金材料',
  '不锈钢',
  '精细化工',
  '石油化工',
  '纺织服装',
  '家居建材',
  '文化旅游',
  '现代物流',
  '医疗器械',
  '中医药',
  '稀土',
  '钢铁',
  '有色金属',
  '锂电池',
  '机器人',
  '航空航天',
  '船舶',
  '轨道交通',
  '节能环保',
  '大数据',
  '算力',
  '智能网联汽车',
];
const CITY_SUFFIX = { province: '省', prefecture: '市', county: ['县', '区', '市'] } as const;
const COUNTY_LEVELS = ['county', 'district', 'county-level-city'] as const;
const PARK_SUFFIX = [
  '产业园',
  '高新技术产业开发区',
  '工业园',
  '经济开发区',
  '产业转移工业园',
  '产业集聚区',
  '新区',
  '高新区',
];
const PARK_TYPES = [
  'industrial-park',
  'zone',
  'platform',
  'high-tech-zone',
  'base',
  'transfer-park',
  'cluster-area',
  'development-zone',
];
const ENT_SUFFIX = ['有限公司', '股份有限公司', '集团', '科技有限公司', '实业有限公司'];
const PROJECT_SUFFIX = ['项目', '基地项目', '产业园项目', '扩建项目', '生产线项目'];
const STATUSES = ['签约', '在建', '投产', '竣工', '开工'];
const POLICY_KIND = ['高质量发展实施方案', '行动计划', '若干措施', '扶持办法', '三年行动方案'];
const POLICY_TYPES = ['programme', 'mechanism', 'document', 'plan', 'strategy'];
const ORG_SUFFIX = [
  '发展和改革局',
  '工业和信息化局',
  '商务局',
  '科学技术局',
  '研究院',
  '大学',
  '农村商业银行',
  '产业协会',
];
const ORG_TYPES = [
  'government',
  'government',
  'government',
  'government',
  'research',
  'university',
  'financial',
  'association',
];
const METRICS = [
  ['工业总产值', '亿元'],
  ['规上工业增加值', '亿元'],
  ['固定资产投资', '亿元'],
  ['规上工业企业数量', '家'],
  ['产值目标', '亿元'],
  ['高新技术企业数量', '家'],
] as const;
const DOC_KIND = ['高质量发展实施方案', '政府工作报告', '产业发展规划', '招商引资工作通报'];
const ROLES = ['龙头', '链主'];
const PAIR_MODES = ['对口帮扶', '产业转移', '对接', '同城'];

/** Toneless pinyin of one token, joined and spaced (digits and Latin dropped, as pinyin-pro's nonZh: 'removed'). */
const pinyinCache = new Map<string, [string, string]>();
function tokenPinyin(token: string): [string, string] {
  let s = pinyinCache.get(token);
  if (!s) {
    const syl = pinyin(token, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter(Boolean);
    s = [syl.join(''), syl.join(' ')];
    pinyinCache.set(token, s);
  }
  return s;
}

/** A name given as tokens, so pinyin comes from a per-token cache. */
type Tokens = string[];
const join = (t: Tokens) => t.join('');
/** [joined, spaced] pinyin of a name. */
function pinyinOf(t: Tokens): [string, string] {
  let joined = '';
  let spaced = '';
  for (const token of t) {
    const [j, sp] = tokenPinyin(token);
    if (!j) continue;
    joined += j;
    spaced = spaced ? `${spaced} ${sp}` : sp;
  }
  return [joined, spaced];
}

/** The same key as src/text/chinese.ts nameKey, for text that is already Simplified and half-width. */
const NAME_KEY_STRIP = /[\s·•・.,，、()（）\-–—'"“”‘’《》〈〉]/g;
const fastNameKey = (text: string) => text.toLowerCase().replace(NAME_KEY_STRIP, '');

/** A unique stem of `length` characters for index i (a bijection scrambled by a multiplier). */
function stem(i: number, length: number, salt: number): Tokens {
  const L = STEM_CHARS.length;
  const space = L ** length;
  let m = (i * 7_368_787 + salt * 104_729) % space;
  const out: string[] = [];
  for (let k = 0; k < length; k++) {
    out.push(STEM_CHARS[m % L]!);
    m = Math.floor(m / L);
  }
  return out;
}

/** Filler text for evidence quotes (random characters, made once). */
const FILLER = (() => {
  const r = prng(4242);
  let s = '';
  for (let i = 0; i < 4096; i++) s += STEM_CHARS[int(r, STEM_CHARS.length)];
  return s;
})();

// ---------------------------------------------------------------------------------------------
// The plan: counts and structure in typed arrays

export interface GraphPlan {
  seed: number;
  target: number;
  counts: Record<Kind, number>;
  provinces: number;
  prefectures: number;
  /** City level: 0 province, 1 prefecture, 2 county/district. */
  cityLevel: Uint8Array;
  cityParent: Int32Array;
  /** The prefecture a city belongs to (itself for a prefecture), -1 for a province. */
  cityPref: Int32Array;
  countiesOfPref: Csr;
  parkCity: Int32Array;
  parkParent: Int32Array;
  parksOfPref: Csr;
  chainParent: Int32Array;
  entCity: Int32Array;
  entPark: Int32Array;
  entsOfPark: Csr;
  projOperator: Int32Array;
  projCity: Int32Array;
  projPark: Int32Array;
  orgCity: Int32Array;
  docCity: Int32Array;
  docsOfPref: Csr;
  /** Chains each city/park carries (HAS_INDUSTRY), flattened. */
  cityChains: Csr;
  parkChains: Csr;
  /** LEADS_CHAIN pairs: enterprise index, chain index. */
  leaders: Array<[number, number]>;
}

/** Compressed lists: the items of group g are items[start[g] .. start[g+1]). */
export interface Csr {
  start: Int32Array;
  items: Int32Array;
}

function csr(groups: number, groupOf: (i: number) => number, n: number): Csr {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) {
    const g = groupOf(i);
    if (g >= 0) start[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const items = new Int32Array(start[groups]!);
  for (let i = 0; i < n; i++) {
    const g = groupOf(i);
    if (g >= 0) items[fill[g]!++] = i;
  }
  return { start, items };
}
const csrSize = (c: Csr, g: number) => c.start[g + 1]! - c.start[g]!;
const csrPick = (c: Csr, g: number, r: Rand) => {
  const size = csrSize(c, g);
  return size ? c.items[c.start[g]! + int(r, size)]! : -1;
};
const csrList = (c: Csr, g: number) => Array.from(c.items.subarray(c.start[g], c.start[g + 1]));

/** Parses "1k", "100k", "1m", "2500". */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`size "${text}": expected a number such as 1k, 100k or 1m`);
  const n = Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1);
  return Math.round(n);
}

export function planGraph(target: number, seed = 20240601): GraphPlan {
  const counts = {} as Record<Kind, number>;
  let assigned = 0;
  for (const k of KINDS) {
    counts[k] = Math.max(MINIMUM[k] ?? NEW_KIND_MINIMUM, Math.round(target * (SHARE[k] ?? NEW_KIND_SHARE)));
    assigned += counts[k];
  }
  counts.Enterprise = Math.max(MINIMUM.Enterprise!, counts.Enterprise + target - assigned);
  const r = prng(hash(seed, 1));

  // Cities: provinces, prefectures (PART_OF a province), counties/districts (PART_OF a prefecture).
  const C = counts.City;
  const provinces = Math.max(1, Math.round(C * 0.03));
  const prefectures = Math.max(2, Math.round(C * 0.12));
  const cityLevel = new Uint8Array(C);
  const cityParent = new Int32Array(C).fill(-1);
  const cityPref = new Int32Array(C).fill(-1);
  for (let c = 0; c < C; c++) {
    if (c < provinces) continue;
    if (c < provinces + prefectures) {
      cityLevel[c] = 1;
      cityParent[c] = (c - provinces) % provinces;
      cityPref[c] = c;
    } else {
      cityLevel[c] = 2;
      const pref = provinces + skew(r, prefectures, 1.5);
      cityParent[c] = pref;
      cityPref[c] = pref;
    }
  }
  const prefIndex = (c: number) => (cityPref[c]! >= 0 ? cityPref[c]! - provinces : -1);
  const countiesOfPref = csr(prefectures, (c) => (cityLevel[c] === 2 ? prefIndex(c) : -1), C);
  /** A prefecture (skewed) and, mostly, one of its counties. */
  const placeIn = (rr: Rand, countyShare: number) => {
    const pref = skew(rr, prefectures, 1.5);
    const county = rr.next() < countyShare ? csrPick(countiesOfPref, pref, rr) : -1;
    return county >= 0 ? county : provinces + pref;
  };

  // Parks: located in a county or prefecture; some are part of a larger park in the same prefecture.
  const P = counts.Park;
  const parkCity = new Int32Array(P);
  for (let p = 0; p < P; p++) parkCity[p] = placeIn(r, 0.7);
  const parksOfPref = csr(prefectures, (p) => prefIndex(parkCity[p]!), P);
  const parkParent = new Int32Array(P).fill(-1);
  for (let p = 0; p < P; p++) {
    if (r.next() < 0.1) {
      const other = csrPick(parksOfPref, prefIndex(parkCity[p]!), r);
      if (other >= 0 && other < p) parkParent[p] = other;
    }
  }

  // Chains: the first fifth are top-level; 30% of the rest are part of one of them.
  const K = counts.IndustryChain;
  const chainParent = new Int32Array(K).fill(-1);
  const topChains = Math.max(1, Math.floor(K / 5));
  for (let k = topChains; k < K; k++) if (r.next() < 0.3) chainParent[k] = int(r, topChains);

  // What cities and parks develop (HAS_INDUSTRY): provinces none, prefectures 3–8, counties 1–3, parks 1–3.
  const chainsFor = (n: number, want: (i: number) => number): Csr => {
    const start = new Int32Array(n + 1);
    const items: number[] = [];
    for (let i = 0; i < n; i++) {
      const set = new Set<number>();
      const w = Math.min(K, want(i));
      while (set.size < w) set.add(skew(r, K, 1.6));
      items.push(...set);
      start[i + 1] = items.length;
    }
    return { start, items: Int32Array.from(items) };
  };
  const cityChains = chainsFor(C, (c) => (cityLevel[c] === 0 ? 0 : cityLevel[c] === 1 ? 3 + int(r, 6) : 1 + int(r, 3)));
  const parkChains = chainsFor(P, () => 1 + int(r, 3));

  // Enterprises: 55% in a park of their prefecture (then in the park's city), else in a county or prefecture.
  const E = counts.Enterprise;
  const entCity = new Int32Array(E).fill(-1);
  const entPark = new Int32Array(E).fill(-1);
  for (let e = 0; e < E; e++) {
    const pref = skew(r, prefectures, 1.5);
    const park = r.next() < 0.55 ? csrPick(parksOfPref, pref, r) : -1;
    if (park >= 0) {
      entPark[e] = park;
      entCity[e] = parkCity[park]!;
    } else if (r.next() < 0.9) {
      const county = r.next() < 0.75 ? csrPick(countiesOfPref, pref, r) : -1;
      entCity[e] = county >= 0 ? county : provinces + pref;
    }
  }
  const entsOfPark = csr(P, (e) => entPark[e]!, E);

  // Chain leaders: an enterprise in a park that carries the chain (so chainLeaders finds host parks).
  const leaders: Array<[number, number]> = [];
  const leaderShare = Math.min(1, (1.5 * K) / Math.max(1, parkChains.items.length));
  for (let p = 0; p < P; p++) {
    for (const chain of csrList(parkChains, p)) {
      if (r.next() >= leaderShare) continue;
      const e = csrPick(entsOfPark, p, r);
      if (e >= 0) leaders.push([e, chain]);
    }
  }

  // Projects: operated by an enterprise (big ones operate many), placed in its park or city, else anywhere.
  const J = counts.Project;
  const projOperator = new Int32Array(J).fill(-1);
  const projCity = new Int32Array(J).fill(-1);
  const projPark = new Int32Array(J).fill(-1);
  for (let j = 0; j < J; j++) {
    const e = r.next() < 0.8 ? skew(r, E, 1.3) : -1;
    projOperator[j] = e;
    const u = r.next();
    if (e >= 0 && entPark[e]! >= 0 && u < 0.5) projPark[j] = entPark[e]!;
    else if (e >= 0 && entCity[e]! >= 0 && u < 0.8) projCity[j] = entCity[e]!;
    else if (u < 0.9) {
      const pref = skew(r, prefectures, 1.5);
      const park = r.next() < 0.4 ? csrPick(parksOfPref, pref, r) : -1;
      if (park >= 0) projPark[j] = park;
      else projCity[j] = placeIn(r, 0.6);
    }
  }

  const O = counts.Organization;
  const orgCity = new Int32Array(O).fill(-1);
  for (let o = 0; o < O; o++) if (r.next() < 0.9) orgCity[o] = placeIn(r, 0.4);

  // Documents are about a prefecture (DESCRIBES); entities cite documents about their prefecture.
  const D = counts.Document;
  const docCity = new Int32Array(D);
  for (let d = 0; d < D; d++) docCity[d] = provinces + (d < prefectures ? d : skew(r, prefectures, 1.5));
  const docsOfPref = csr(prefectures, (d) => docCity[d]! - provinces, D);

  return {
    seed,
    target,
    counts,
    provinces,
    prefectures,
    cityLevel,
    cityParent,
    cityPref,
    countiesOfPref,
    parkCity,
    parkParent,
    parksOfPref,
    chainParent,
    entCity,
    entPark,
    entsOfPark,
    projOperator,
    projCity,
    projPark,
    orgCity,
    docCity,
    docsOfPref,
    cityChains,
    parkChains,
    leaders,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows

export type Props = Record<string, string | number | boolean | string[] | number[]>;
export interface RelRow {
  from: string;
  to: string;
  props: Props;
}

const KIND_CODE = Object.fromEntries(KINDS.map((k, i) => [k, i + 1])) as Record<Kind, number>;

/** Everything needed to name and place entities, derived from the plan. */
export class SyntheticGraph {
  readonly counts: Record<Kind, number>;
  constructor(readonly plan: GraphPlan) {
    this.counts = plan.counts;
  }

  static create(target: number, seed?: number): SyntheticGraph {
    return new SyntheticGraph(planGraph(target, seed));
  }

  get totalNodes(): number {
    return KINDS.reduce((n, k) => n + this.counts[k], 0);
  }

  rand(kind: Kind, i: number, salt = 0): Rand {
    return prng(hash(this.plan.seed, KIND_CODE[kind], i, salt));
  }

  private readonly ids = new Map<Kind, string[]>();

  id(kind: Kind, i: number): string {
    let cache = this.ids.get(kind);
    if (!cache) this.ids.set(kind, (cache = []));
    let id = cache[i];
    if (id === undefined) {
      if (kind === 'Document') id = `doc:s${String(i).padStart(6, '0')}`;
      else id = `${ID_PREFIX[kind] ?? kind.toLowerCase()}:${pinyinOf(this.stemTokens(kind, i))[0]}-${i.toString(36)}`;
      cache[i] = id;
    }
    return id;
  }

  /** The unique part of a name. */
  private stemTokens(kind: Kind, i: number): Tokens {
    switch (kind) {
      case 'City':
        return stem(i, 2, 1);
      case 'Park':
        return stem(i, 2, 2);
      case 'IndustryChain':
        return this.chainTokens(i);
      case 'Enterprise':
        return stem(i, 3, 4);
      case 'Project':
        return stem(i, 3, 5);
      case 'Policy':
        return stem(i, 3, 6);
      case 'Organization':
        return stem(i, 2, 7);
      case 'Indicator':
        return stem(i, 3, 8);
      case 'Document':
        return stem(i, 3, 9);
      // A kind without a shape of its own (none today, hence the widening): a unique stem, salted by the kind.
      default: {
        const code: number = KIND_CODE[kind as Kind];
        return stem(i, 3, 10 + code);
      }
    }
  }

  private cityStem(c: number): Tokens {
    return stem(c, 2, 1);
  }

  cityTokens(c: number): Tokens {
    const level = this.plan.cityLevel[c]!;
    const suffix =
      level === 0 ? CITY_SUFFIX.province : level === 1 ? CITY_SUFFIX.prefecture : CITY_SUFFIX.county[c % 3]!;
    return [...this.cityStem(c), suffix];
  }

  chainTokens(k: number): Tokens {
    if (k < CHAIN_WORDS.length) return [CHAIN_WORDS[k]!];
    return [...stem(k, 2, 3), CHAIN_WORDS[k % CHAIN_WORDS.length]!];
  }

  /** Industry word of an enterprise: its first chain's word. */
  private industryWord(e: number): string {
    return CHAIN_WORDS[hash(this.plan.seed, 77, e) % CHAIN_WORDS.length]!;
  }

  enterpriseShort(e: number): Tokens {
    return [...stem(e, 3, 4), this.industryWord(e)];
  }

  name(kind: Kind, i: number): Tokens {
    const p = this.plan;
    switch (kind) {
      case 'City':
        return this.cityTokens(i);
      case 'Park':
        return [...this.cityStem(p.parkCity[i]!), ...stem(i, 2, 2), PARK_SUFFIX[i % PARK_SUFFIX.length]!];
      case 'IndustryChain':
        return this.chainTokens(i);
      case 'Enterprise':
        return [...this.enterpriseShort(i), ENT_SUFFIX[i % ENT_SUFFIX.length]!];
      case 'Project': {
        const op = p.projOperator[i]!;
        const lead = op >= 0 ? stem(op, 3, 4) : stem(i, 3, 5);
        return [
          ...lead,
          ...stem(i, 3, 5),
          CHAIN_WORDS[i % CHAIN_WORDS.length]!,
          PROJECT_SUFFIX[i % PROJECT_SUFFIX.length]!,
        ];
      }
      case 'Policy': {
        const place = this.policyPlace(i);
        return [
          ...this.cityStem(place),
          ...stem(i, 3, 6),
          CHAIN_WORDS[i % CHAIN_WORDS.length]!,
          POLICY_KIND[i % POLICY_KIND.length]!,
        ];
      }
      case 'Organization': {
        const c = p.orgCity[i]!;
        return [...(c >= 0 ? this.cityStem(c) : []), ...stem(i, 2, 7), ORG_SUFFIX[i % ORG_SUFFIX.length]!];
      }
      case 'Indicator': {
        const [metric] = METRICS[i % METRICS.length]!;
        return [...stem(i, 3, 8), String(2019 + (i % 8)), '年', metric];
      }
      case 'Document': {
        const c = p.docCity[i]!;
        return [...this.cityStem(c), '市', ...stem(i, 3, 9), DOC_KIND[i % DOC_KIND.length]!];
      }
      default:
        return this.stemTokens(kind, i);
    }
  }

  private policyPlace(i: number): number {
    const p = this.plan;
    return p.provinces + skew(this.rand('Policy', i, 9), p.prefectures, 1.5);
  }

  private readonly prefOfCity = (c: number) =>
    c >= 0 && this.plan.cityPref[c]! >= 0 ? this.plan.cityPref[c]! - this.plan.provinces : -1;

  /** The prefecture whose documents an entity cites, or -1. */
  homePref(kind: Kind, i: number): number {
    const p = this.plan;
    const prefOfCity = this.prefOfCity;
    switch (kind) {
      case 'City':
        return prefOfCity(i);
      case 'Park':
        return prefOfCity(p.parkCity[i]!);
      case 'Enterprise':
        return prefOfCity(p.entCity[i]!);
      case 'Project':
        return p.projPark[i]! >= 0 ? prefOfCity(p.parkCity[p.projPark[i]!]!) : prefOfCity(p.projCity[i]!);
      case 'Policy':
        return this.policyPlace(i) - p.provinces;
      case 'Organization':
        return prefOfCity(p.orgCity[i]!);
      case 'Indicator':
        return this.indicatorSubject(i)[0] === 'City' ? prefOfCity(this.indicatorSubject(i)[1]) : -1;
      case 'Document':
        return p.docCity[i]! - p.provinces;
      default:
        return -1;
    }
  }

  /** 1–3 documents, from the entity's prefecture when it has any. */
  evidenceDocIndexes(kind: Kind, i: number): number[] {
    const p = this.plan;
    if (kind === 'Document') return [i];
    const r = this.rand(kind, i, 1);
    const u = r.next();
    const n = u < 0.7 ? 1 : u < 0.95 ? 2 : 3;
    const pref = this.homePref(kind, i);
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const d = pref >= 0 ? csrPick(p.docsOfPref, pref, r) : -1;
      out.push(d >= 0 ? d : int(r, p.counts.Document));
    }
    return out;
  }

  private quote(r: Rand, lead: string): { quote: string; start: number; end: number } {
    const len = 6 + int(r, 18);
    const at = int(r, FILLER.length - len);
    const quote = (lead + FILLER.slice(at, at + len)).slice(0, 40);
    const start = int(r, 20_000);
    return { quote, start, end: start + quote.length };
  }

  private evidence(r: Rand, docs: number[], lead: string): Props {
    const quotes: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    for (let k = 0; k < docs.length; k++) {
      const q = this.quote(r, lead);
      quotes.push(q.quote);
      starts.push(q.start);
      ends.push(q.end);
    }
    return {
      evidenceDocs: docs.map((d) => this.id('Document', d)),
      evidenceQuotes: quotes,
      evidenceStarts: starts,
      evidenceEnds: ends,
    };
  }

  indicatorSubject(i: number): [Kind, number] {
    const p = this.plan;
    const r = this.rand('Indicator', i, 2);
    const u = r.next();
    if (u < 0.4)
      return ['City', p.provinces + skew(r, p.prefectures + (p.counts.City - p.provinces - p.prefectures), 1.4)];
    if (u < 0.65) return ['Park', skew(r, p.counts.Park, 1.4)];
    return ['Enterprise', skew(r, p.counts.Enterprise, 1.4)];
  }

  /** The node row of entity i: exactly the property names the seed builder writes. */
  node(kind: Kind, i: number): Props {
    const p = this.plan;
    const r = this.rand(kind, i, 0);
    const tokens = this.name(kind, i);
    const name = join(tokens);
    const aliasTokens: Tokens[] = [];
    let nameEn: string | undefined;
    const extra: Props = {};
    switch (kind) {
      case 'City': {
        const level = p.cityLevel[i]!;
        aliasTokens.push(this.cityStem(i));
        nameEn = pinyinOf(this.cityStem(i))[0];
        nameEn = nameEn.charAt(0).toUpperCase() + nameEn.slice(1);
        extra.level = level === 0 ? 'province' : level === 1 ? 'prefecture' : COUNTY_LEVELS[i % 3]!;
        break;
      }
      case 'Park': {
        // Its designations are derived from HAS_DESIGNATION (cypher/950_derived.cypher), as in the seeds.
        extra.parkType = PARK_TYPES[i % PARK_TYPES.length]!;
        if (r.next() < 0.3) extra.areaKm2 = Math.round(r.next() * 5000) / 100 + 0.5;
        if (r.next() < 0.3) aliasTokens.push([...stem(i, 2, 2), '园区']);
        break;
      }
      case 'IndustryChain':
        extra.chainType = pick(r, ['industry', 'industry', 'industry', 'cluster', 'chain']);
        if (r.next() < 0.3) aliasTokens.push([...tokens, '产业']);
        break;
      case 'Enterprise':
        aliasTokens.push(this.enterpriseShort(i));
        extra.industry = this.industryWord(i);
        break;
      case 'Project': {
        // Never a whole number: Neo4j params turn whole JS numbers into integers, the seeds hold floats.
        if (r.next() < 0.8) {
          extra.amountYi = fractional(0.5 + Math.pow(r.next(), 3) * 300);
          extra.amountBound = 'exact';
        }
        extra.status = pick(r, STATUSES);
        extra.year = 2018 + int(r, 8);
        if (r.next() < 0.2) extra.capacity = `年产${1 + int(r, 99)}万吨`;
        if (r.next() < 0.3) aliasTokens.push([...tokens.slice(0, 6), '等项目']);
        break;
      }
      case 'Policy':
        extra.policyType = POLICY_TYPES[i % POLICY_TYPES.length]!;
        if (r.next() < 0.5) extra.docNumber = `${join(stem(i, 1, 6))}府〔${2018 + int(r, 8)}〕${1 + int(r, 80)}号`;
        break;
      case 'Organization':
        extra.orgType = ORG_TYPES[i % ORG_TYPES.length]!;
        break;
      case 'Indicator': {
        const [metric, unit] = METRICS[i % METRICS.length]!;
        extra.metric = metric;
        extra.value = fractional(r.next() * 1000);
        extra.unit = unit;
        extra.bound = 'exact';
        extra.status = 'actual';
        extra.year = 2019 + (i % 8);
        break;
      }
      case 'Document':
        extra.title = name;
        extra.publisher = `${join(this.cityStem(p.docCity[i]!))}市人民政府`;
        extra.date = `20${18 + int(r, 7)}-${String(1 + int(r, 12)).padStart(2, '0')}-${String(1 + int(r, 28)).padStart(2, '0')}`;
        extra.file = `${String(i).padStart(6, '0')}_${hash(i, 5).toString(16)}.txt`;
        extra.script = 'simplified';
        break;
    }

    const [pyJoined, pySpaced] = pinyinOf(tokens);
    const parts = [name];
    if (pyJoined) parts.push(pyJoined, pySpaced);
    const aliases = aliasTokens.map(join);
    for (const a of aliasTokens) {
      parts.push(join(a));
      const [aJoined, aSpaced] = pinyinOf(a);
      if (aJoined) parts.push(aJoined, aSpaced);
    }
    if (nameEn) parts.push(nameEn.toLowerCase());
    const keys = [fastNameKey(name), ...aliases.map(fastNameKey)];
    if (nameEn) keys.push(fastNameKey(nameEn));
    // A policy's document number is a name form, as the seed writer has it (cypher-writer.ts nameForms).
    if (typeof extra.docNumber === 'string') {
      parts.push(extra.docNumber);
      keys.push(fastNameKey(extra.docNumber));
    }
    const docs = this.evidenceDocIndexes(kind, i);
    const row: Props = {
      id: this.id(kind, i),
      kind,
      name,
      ...(nameEn ? { nameEn } : {}),
      aliases,
      basis: 'stated',
      searchText: parts.join(' | '),
      ...(kind === 'Document' ? {} : { nameKeys: [...new Set(keys)] }),
      ...extra,
      ...this.evidence(r, docs, name.slice(0, 12)),
    };
    return row;
  }

  /** Node rows of one kind, in batches. */
  *nodeBatches(kind: Kind, batchSize: number): Generator<Props[]> {
    let batch: Props[] = [];
    for (let i = 0; i < this.counts[kind]; i++) {
      batch.push(this.node(kind, i));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  private rel(fromKind: Kind, from: number, toKind: Kind, to: number, r: Rand, props: Props = {}): RelRow {
    const docs = this.evidenceDocIndexes(fromKind, from).slice(0, 1);
    return {
      from: this.id(fromKind, from),
      to: this.id(toKind, to),
      props: { ...props, basis: 'stated', ...this.evidence(r, docs, '') },
    };
  }

  /** Relationship rows of one type, in a fixed order, each source with its own random stream. */
  *relRows(type: RelType): Generator<RelRow> {
    const p = this.plan;
    const c = this.counts;
    // Each type's own random stream, salted by its name (not its place in the seed schema).
    const T = 100 + (hash(...Array.from(type, (ch) => ch.charCodeAt(0))) % 1000);
    switch (type) {
      case 'PART_OF':
        for (let i = 0; i < c.City; i++)
          if (p.cityParent[i]! >= 0) yield this.rel('City', i, 'City', p.cityParent[i]!, this.rand('City', i, T));
        for (let i = 0; i < c.Park; i++)
          if (p.parkParent[i]! >= 0) yield this.rel('Park', i, 'Park', p.parkParent[i]!, this.rand('Park', i, T));
        for (let i = 0; i < c.IndustryChain; i++) {
          if (p.chainParent[i]! >= 0)
            yield this.rel('IndustryChain', i, 'IndustryChain', p.chainParent[i]!, this.rand('IndustryChain', i, T));
        }
        for (let i = 1; i < c.Organization; i++) {
          const r = this.rand('Organization', i, T);
          if (r.next() < 0.1) yield this.rel('Organization', i, 'Organization', int(r, i), r);
        }
        return;
      case 'LOCATED_IN':
        for (let i = 0; i < c.Park; i++) yield this.rel('Park', i, 'City', p.parkCity[i]!, this.rand('Park', i, T));
        for (let i = 0; i < c.Enterprise; i++) {
          const r = this.rand('Enterprise', i, T);
          if (p.entCity[i]! >= 0 && (p.entPark[i]! < 0 || r.next() < 0.7))
            yield this.rel('Enterprise', i, 'City', p.entCity[i]!, r);
        }
        for (let i = 0; i < c.Project; i++)
          if (p.projCity[i]! >= 0) yield this.rel('Project', i, 'City', p.projCity[i]!, this.rand('Project', i, T));
        for (let i = 0; i < c.Organization; i++)
          if (p.orgCity[i]! >= 0)
            yield this.rel('Organization', i, 'City', p.orgCity[i]!, this.rand('Organization', i, T));
        return;
      case 'IN_PARK':
        for (let i = 0; i < c.Enterprise; i++)
          if (p.entPark[i]! >= 0) yield this.rel('Enterprise', i, 'Park', p.entPark[i]!, this.rand('Enterprise', i, T));
        for (let i = 0; i < c.Project; i++)
          if (p.projPark[i]! >= 0) yield this.rel('Project', i, 'Park', p.projPark[i]!, this.rand('Project', i, T));
        for (let i = 0; i < c.Organization; i++) {
          const r = this.rand('Organization', i, T);
          if (r.next() < 0.05) yield this.rel('Organization', i, 'Park', skew(r, c.Park, 1.5), r);
        }
        return;
      case 'LEADS_CHAIN':
        for (const [e, k] of p.leaders) {
          const r = this.rand('Enterprise', e, T + k);
          yield this.rel('Enterprise', e, 'IndustryChain', k, r, { role: pick(r, ROLES) });
        }
        return;
      case 'PART_OF_CHAIN':
        for (let i = 0; i < c.Enterprise; i++) {
          const r = this.rand('Enterprise', i, T);
          if (r.next() < 0.45)
            for (const k of this.distinct(r, r.next() < 0.8 ? 1 : 2, c.IndustryChain))
              yield this.rel('Enterprise', i, 'IndustryChain', k, r);
        }
        for (let i = 0; i < c.Project; i++) {
          const r = this.rand('Project', i, T);
          if (r.next() < 0.7)
            for (const k of this.distinct(r, r.next() < 0.8 ? 1 : 2, c.IndustryChain))
              yield this.rel('Project', i, 'IndustryChain', k, r);
        }
        return;
      case 'HAS_INDUSTRY':
        for (let i = 0; i < c.City; i++)
          for (const k of csrList(p.cityChains, i))
            yield this.rel('City', i, 'IndustryChain', k, this.rand('City', i, T + k), { status: 'existing' });
        for (let i = 0; i < c.Park; i++)
          for (const k of csrList(p.parkChains, i))
            yield this.rel('Park', i, 'IndustryChain', k, this.rand('Park', i, T + k), { status: 'existing' });
        return;
      case 'OPERATES':
        for (let i = 0; i < c.Project; i++) {
          const r = this.rand('Project', i, T);
          if (p.projOperator[i]! >= 0) yield this.rel('Enterprise', p.projOperator[i]!, 'Project', i, r);
          if (r.next() < 0.05) yield this.rel('Organization', skew(r, c.Organization, 1.5), 'Project', i, r);
        }
        return;
      case 'SUBSIDIARY_OF':
        for (let i = 1; i < c.Enterprise; i++) {
          const r = this.rand('Enterprise', i, T);
          if (r.next() < 0.03) yield this.rel('Enterprise', i, 'Enterprise', skew(r, i, 2), r);
        }
        return;
      case 'SUPPLIES':
        for (let i = 0; i < c.Enterprise; i++) {
          const r = this.rand('Enterprise', i, T);
          if (r.next() < 0.05) {
            const to = skew(r, c.Enterprise, 1.5);
            if (to !== i) yield this.rel('Enterprise', i, 'Enterprise', to, r);
          }
        }
        return;
      case 'COOPERATES_WITH':
        for (let i = 0; i < c.Enterprise; i++) {
          const r = this.rand('Enterprise', i, T);
          if (r.next() < 0.02) {
            if (r.next() < 0.7) {
              const to = skew(r, c.Enterprise, 1.5);
              if (to !== i) yield this.rel('Enterprise', i, 'Enterprise', to, r);
            } else yield this.rel('Enterprise', i, 'Organization', skew(r, c.Organization, 1.5), r);
          }
        }
        return;
      case 'ISSUED_BY':
        for (let i = 0; i < c.Policy; i++) {
          const r = this.rand('Policy', i, T);
          // Always a body (the model's ISSUED_BY never points at a place).
          yield this.rel('Policy', i, 'Organization', skew(r, c.Organization, 1.5), r);
        }
        return;
      case 'APPLIES_TO':
        for (let i = 0; i < c.Policy; i++) {
          const r = this.rand('Policy', i, T);
          const n = 1 + int(r, 4);
          const seen = new Set<string>();
          for (let k = 0; k < n; k++) {
            const u = r.next();
            const pref = this.policyPlace(i) - p.provinces;
            let target: [Kind, number];
            if (u < 0.3) {
              const county = csrPick(p.countiesOfPref, pref, r);
              target = ['City', county >= 0 && r.next() < 0.5 ? county : p.provinces + pref];
            } else if (u < 0.65) target = ['IndustryChain', skew(r, c.IndustryChain, 1.5)];
            else if (u < 0.8) {
              const park = csrPick(p.parksOfPref, pref, r);
              target = park >= 0 ? ['Park', park] : ['IndustryChain', skew(r, c.IndustryChain, 1.5)];
            } else if (u < 0.9) target = ['Enterprise', skew(r, c.Enterprise, 1.5)];
            else target = ['Organization', skew(r, c.Organization, 1.5)];
            const key = target.join();
            if (seen.has(key)) continue;
            seen.add(key);
            yield this.rel('Policy', i, target[0], target[1], r);
          }
        }
        return;
      case 'ASSIGNS':
        // Four policies in ten give tasks to one or two bodies (mostly government), some to enterprises.
        for (let i = 0; i < c.Policy; i++) {
          const r = this.rand('Policy', i, T);
          if (r.next() >= 0.4) continue;
          const seen = new Set<string>();
          for (let k = r.next() < 0.7 ? 1 : 2; k > 0; k--) {
            const target: [Kind, number] =
              r.next() < 0.85
                ? ['Organization', skew(r, c.Organization, 1.5)]
                : ['Enterprise', skew(r, c.Enterprise, 1.5)];
            if (seen.has(target.join())) continue;
            seen.add(target.join());
            yield this.rel('Policy', i, target[0], target[1], r, { role: pick(r, ['牵头', '负责']) });
          }
        }
        return;
      case 'IMPLEMENTS':
        for (let i = 1; i < c.Policy; i++) {
          const r = this.rand('Policy', i, T);
          if (r.next() < 0.3) yield this.rel('Policy', i, 'Policy', skew(r, i, 1.5), r);
        }
        return;
      case 'PAIRED_WITH':
        for (let i = p.provinces; i < c.City; i++) {
          const r = this.rand('City', i, T);
          if (r.next() < 0.05) {
            const to = p.provinces + int(r, c.City - p.provinces);
            if (to !== i) yield this.rel('City', i, 'City', to, r, { mode: pick(r, PAIR_MODES) });
          }
        }
        for (let i = 0; i < c.Park; i++) {
          const r = this.rand('Park', i, T);
          if (r.next() < 0.01) {
            const to = int(r, c.Park);
            if (to !== i) yield this.rel('Park', i, 'Park', to, r, { mode: pick(r, PAIR_MODES) });
          }
        }
        return;
      case 'HAS_INDICATOR':
        for (let i = 0; i < c.Indicator; i++) {
          const [kind, s] = this.indicatorSubject(i);
          yield this.rel(kind, s, 'Indicator', i, this.rand('Indicator', i, T));
        }
        return;
      case 'MENTIONED_IN':
        for (const kind of KINDS) {
          if (kind === 'Document') continue;
          for (let i = 0; i < c[kind]; i++) {
            const r = this.rand(kind, i, T);
            const name = join(this.name(kind, i)).slice(0, 12);
            for (const d of new Set(this.evidenceDocIndexes(kind, i))) {
              const n = r.next() < 0.8 ? 1 : 2;
              const quotes: string[] = [];
              const starts: number[] = [];
              const ends: number[] = [];
              for (let k = 0; k < n; k++) {
                const q = this.quote(r, name);
                quotes.push(q.quote);
                starts.push(q.start);
                ends.push(q.end);
              }
              yield { from: this.id(kind, i), to: this.id('Document', d), props: { quotes, starts, ends } };
            }
          }
        }
        return;
      case 'DESCRIBES':
        for (let d = 0; d < c.Document; d++)
          yield { from: this.id('Document', d), to: this.id('City', p.docCity[d]!), props: {} };
        return;
      default:
        yield* this.genericRelRows(type, T);
    }
  }

  /**
   * A relationship type without a shape of its own (new in the seed schema): from one node in
   * twenty of each kind that may start it (and its first), to a popular node of a kind the model allows with it
   * (each of the predicate's end groups), with the first value of each qualifier it requires.
   */
  private *genericRelRows(type: RelType, salt: number): Generator<RelRow> {
    const predicate = PREDICATES[type as Predicate] as (typeof PREDICATES)[Predicate] | undefined;
    const groups: ReadonlyArray<readonly [readonly NodeLabel[], readonly NodeLabel[]]> = predicate
      ? predicate.ends
      : [[RELATIONSHIP_TYPES[type]!.from, RELATIONSHIP_TYPES[type]!.to]];
    const props = predicate ? requiredQualifiers(predicate.qualifiers) : {};
    for (const [sources, ends] of groups) {
      const targets = ends.filter((k) => this.counts[k] > 0);
      if (targets.length === 0) continue;
      for (const from of sources) {
        for (let i = 0; i < this.counts[from]; i++) {
          const r = this.rand(from, i, salt);
          // The first node of each kind always starts one, so a rare kind (a few Reports) has some.
          if (r.next() >= 0.05 && i > 0) continue;
          const to = pick(r, targets);
          const j = skew(r, this.counts[to], 1.5);
          if (to !== from || j !== i) yield this.rel(from, i, to, j, r, props);
        }
      }
    }
  }

  private distinct(r: Rand, n: number, of: number): number[] {
    const set = new Set<number>();
    for (let k = 0; k < n * 3 && set.size < Math.min(n, of); k++) set.add(skew(r, of, 1.6));
    return [...set];
  }

  *relBatches(type: RelType, batchSize: number): Generator<RelRow[]> {
    let batch: RelRow[] = [];
    for (const row of this.relRows(type)) {
      batch.push(row);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  // -------------------------------------------------------------------------------------------
  // Targets for the benchmark operations (deterministic)

  /** The largest prefecture (most counties, parks, enterprises): what a user asks about most. */
  get busyPrefecture(): number {
    return this.plan.provinces;
  }

  /** What a user types for a city: its short alias (阳江 for 阳江市). */
  cityAlias(c: number): string {
    return join(this.cityStem(c));
  }

  enterpriseName(e: number): string {
    return join(this.name('Enterprise', e));
  }

  chainName(k: number): string {
    return join(this.chainTokens(k));
  }

  /** Two enterprises with a park each, in different parks of the busy prefecture (a path of 2–4 hops exists). */
  connectionPair(): [string, string] {
    const p = this.plan;
    const pref = this.busyPrefecture - p.provinces;
    const parks = csrList(p.parksOfPref, pref);
    const withEnts = parks.filter((park) => csrSize(p.entsOfPark, park) > 0);
    if (withEnts.length >= 2) {
      const a = p.entsOfPark.items[p.entsOfPark.start[withEnts[0]!]!]!;
      const b = p.entsOfPark.items[p.entsOfPark.start[withEnts[withEnts.length - 1]!]!]!;
      return [this.id('Enterprise', a), this.id('Enterprise', b)];
    }
    return [this.id('Enterprise', 0), this.id('Enterprise', 1)];
  }

  /** The document number of a mid-ranked policy that has one, as a user types it to find the policy. */
  docNumber(): string {
    for (let i = Math.floor(this.counts.Policy / 3); i < this.counts.Policy; i++) {
      const docNumber = this.node('Policy', i).docNumber;
      if (typeof docNumber === 'string') return docNumber;
    }
    throw new Error('no synthetic policy has a document number');
  }

  /** A mid-ranked enterprise whose exact name a user searches for. */
  searchName(): string {
    return this.enterpriseName(Math.floor(this.counts.Enterprise / 3));
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

export interface LoadReport {
  nodes: number;
  relationships: number;
  nodesByKind: Record<string, number>;
  relationshipsByType: Record<string, number>;
  schemaMs: number;
  nodeMs: number;
  relMs: number;
  /** The real cypher/950_derived.cypher, run over the loaded graph as seeding runs it. */
  derivedMs: number;
  /** The same, statement by statement: what each derivation costs at seed time. */
  derived: Array<{ sets: string; ms: number }>;
  totalMs: number;
  statements: number;
}

export interface LoadOptions {
  batchSize?: number;
  log?: (line: string) => void;
}

/** A seed file of the real cypher/ directory, through the store's script runner; the ms it took. */
async function runSeedFile(store: GraphStore, name: string): Promise<number> {
  const file = new URL(`../cypher/${name}`, import.meta.url);
  const started = performance.now();
  await store.runScripts([{ source: String(file), text: await readFile(file, 'utf8') }]);
  return performance.now() - started;
}

/**
 * The real derived-properties file, one statement at a time (seeding runs them in one
 * transaction; apart, each one's seed-time cost shows), named after what each sets.
 */
async function runDerivations(store: GraphStore): Promise<Array<{ sets: string; ms: number }>> {
  const file = new URL(`../cypher/${DERIVED_FILE}`, import.meta.url);
  const statements = splitCypherScript(await readFile(file, 'utf8'));
  const timed: Array<{ sets: string; ms: number }> = [];
  for (const [i, statement] of statements.entries()) {
    // Named after the export that holds the statement (CITY_DERIVED_PROPERTIES, FAN_OUT_STATISTICS …).
    const sets =
      Object.entries(derivedProperties).find(([, v]) => typeof v === 'string' && v.trim() === statement.text)?.[0] ??
      `statement ${i + 1} of ${DERIVED_FILE}`;
    const started = performance.now();
    await store.runScripts([{ source: `${String(file)} (${sets})`, text: statement.text }]);
    timed.push({ sets, ms: performance.now() - started });
  }
  return timed;
}

/** Each group's rows, in UNWIND batches of its statement: the rows per group, statements run and time. */
async function writeGroups<G extends string>(
  store: GraphStore,
  groups: readonly G[],
  statementOf: (group: G) => string,
  batchesOf: (group: G) => Iterable<unknown[]>,
  log: (group: G, rows: number, ms: number) => void,
): Promise<{ byGroup: Record<string, number>; total: number; statements: number; ms: number }> {
  const started = performance.now();
  const byGroup: Record<string, number> = {};
  let total = 0;
  let statements = 0;
  for (const group of groups) {
    let n = 0;
    for (const rows of batchesOf(group)) {
      await store.write(statementOf(group), { rows }, { timeoutMs: 600_000 });
      statements++;
      n += rows.length;
    }
    byGroup[group] = n;
    total += n;
    log(group, n, performance.now() - started);
  }
  return { byGroup, total, statements, ms: performance.now() - started };
}

/**
 * The real cypher/000_schema.cypher, then every node and relationship in UNWIND batches, then the
 * real derived-properties file, as seeding runs it.
 */
export async function loadSyntheticGraph(
  store: GraphStore,
  graph: SyntheticGraph,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const batchSize = options.batchSize ?? 5000;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const schemaMs = await runSeedFile(store, '000_schema.cypher');
  const nodes = await writeGroups(
    store,
    KINDS,
    (kind) => NODE_STATEMENTS[kind],
    (kind) => graph.nodeBatches(kind, batchSize),
    (kind, n, ms) => log(`  ${kind.padEnd(14)} ${String(n).padStart(9)} nodes   (${(ms / 1000).toFixed(1)} s)`),
  );
  const rels = await writeGroups(
    store,
    REL_TYPES,
    (type) => REL_STATEMENTS[type]!,
    (type) => graph.relBatches(type, batchSize),
    (type, n, ms) => log(`  ${type.padEnd(16)} ${String(n).padStart(9)} relationships   (${(ms / 1000).toFixed(1)} s)`),
  );
  const derived = await runDerivations(store);
  const derivedMs = derived.reduce((sum, d) => sum + d.ms, 0);
  for (const d of derived) log(`  derived ${d.sets}   (${(d.ms / 1000).toFixed(2)} s)`);
  return {
    nodes: nodes.total,
    relationships: rels.total,
    nodesByKind: nodes.byGroup,
    relationshipsByType: rels.byGroup,
    schemaMs,
    nodeMs: nodes.ms,
    relMs: rels.ms,
    derivedMs,
    derived,
    totalMs: performance.now() - started,
    statements: nodes.statements + rels.statements + derived.length,
  };
}
