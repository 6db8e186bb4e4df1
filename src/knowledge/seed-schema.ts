/**
 * The model's one home: the kinds, their properties, the predicates with the kinds allowed at
 * each end and the qualifiers each allows, and every closed vocabulary (seeds/README.md explains
 * them). Everything a curator writes is validated here, so a typo in a kind, predicate, property
 * or value fails the build with the file, the entry and the valid values instead of landing in
 * the graph.
 */
import { z } from 'zod';

export const ENTITY_KINDS = [
  'City',
  'Region',
  'Park',
  'Enterprise',
  'Project',
  'IndustryChain',
  'Policy',
  'Designation',
  'Report',
  'Organization',
  'Indicator',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Every node also carries the `Entity` label; `Document` nodes are the corpus sources. */
export const NODE_LABELS = [...ENTITY_KINDS, 'Document'] as const;

export type NodeLabel = (typeof NODE_LABELS)[number];

/** What a label or relationship type means, in Chinese and English (the Browser guide shows it). */
export interface Meaning {
  zh: string;
  en: string;
}

/**
 * What each label stands for, in a line (seeds/README.md has the full rule of each kind). The
 * Browser guide's label table reads it, with each kind's properties from KIND_PROPERTIES below.
 */
export const LABEL_MEANINGS: Record<'Entity' | NodeLabel, Meaning> = {
  Entity: {
    zh: '所有节点共有的标签；id 全局唯一、永久不变',
    en: 'on every node; its id is globally unique and stable',
  },
  City: {
    zh: '行政区：省、地级市、县级市、区、县、新区',
    en: 'administrative divisions: provinces, prefectures, county-level cities, districts, counties, new areas',
  },
  Region: {
    zh: '非行政区、非园区的区域：经济区、都市圈、经济带、合作平台、国家公园、景区',
    en: 'territories that are neither divisions nor parks: economic regions, metropolitan circles, belts, cooperation platforms, national parks, scenic areas',
  },
  Park: {
    zh: '产业园、高新区、开发区、产业转移园、平台、基地、集聚区（一个管理机构运营的产业用地）',
    en: 'industrial parks, high-tech and development zones, transfer parks, platforms, bases, cluster areas (land one management runs for industry)',
  },
  Enterprise: { zh: '企业', en: 'enterprises' },
  Project: { zh: '投资、建设项目，工厂、生产线', en: 'investment and construction projects, plants, production lines' },
  IndustryChain: {
    zh: '产业、产业链、产业集群（每个产业一个节点）',
    en: 'industries, industry chains and clusters (one node per industry)',
  },
  Policy: {
    zh: '政府的政策工具：文件、规划、方案、机制、基金、战略、平台、标准',
    en: 'instruments of government: documents, plans, programmes, mechanisms, funds, strategies, platforms, standards',
  },
  Designation: {
    zh: '荣誉、称号、级别、定位（已获、推荐或争创）',
    en: 'honours, titles, levels and positionings an entity holds, is nominated for or seeks',
  },
  Report: {
    zh: '语料引用的报告：调研报告、分析、工作报告、党代会',
    en: 'documents the corpus cites that are not instruments: research reports, analyses, work reports, party congresses',
  },
  Organization: {
    zh: '政府部门、党委、人大、科研院所、高校、协会、金融机构、媒体',
    en: 'government bodies, party committees, legislatures, research institutes, universities, associations, financial bodies, media',
  },
  Indicator: { zh: '文档给出的统计数字（含目标、排名）', en: 'a figure a document states (also targets and ranks)' },
  Document: { zh: '语料来源文档（报道、政府文件）', en: "the corpus's source documents (reports, government papers)" },
};

/** The id prefix of each kind: `city:shaoguan`, `designation:shengji-gaoxinqu`. */
export const ID_PREFIXES: Record<EntityKind, string> = {
  City: 'city',
  Region: 'region',
  Park: 'park',
  Enterprise: 'ent',
  Project: 'proj',
  IndustryChain: 'chain',
  Policy: 'policy',
  Designation: 'designation',
  Report: 'report',
  Organization: 'org',
  Indicator: 'ind',
};

// ---------------------------------------------------------------------------------------------
// Vocabularies

export const BASES = ['stated', 'inferred', 'world-knowledge'] as const;
export type Basis = (typeof BASES)[number];
/** Whether a fact (or a park, a policy) exists, is planned or is being done; omitted = existing. */
export const FACT_STATUSES = ['existing', 'planned', 'under-way'] as const;
/** Where a holder stands with a designation. */
export const DESIGNATION_STATUSES = ['awarded', 'nominated', 'sought'] as const;
export const PROJECT_STATUSES = ['规划', '签约', '开工', '在建', '投产', '竣工', '达产'] as const;
export const BOUNDS = ['exact', 'over', 'at-least', 'about', 'nearly', 'under'] as const;
export const INDICATOR_STATUSES = ['actual', 'target', 'expected'] as const;
export const TIERS = ['万亿级', '千亿级', '百亿级', '十亿级'] as const;
export const CITY_LEVELS = ['province', 'prefecture', 'county-level-city', 'district', 'county', 'new-area'] as const;
export const REGION_TYPES = [
  'economic-region',
  'metropolitan-circle',
  'economic-belt',
  'cooperation-platform',
  'pilot-zone',
  'sector',
  'cluster-zone',
  'national-park',
  'scenic-area',
] as const;
export const PARK_TYPES = [
  'industrial-park',
  'high-tech-zone',
  'development-zone',
  'transfer-park',
  'platform',
  'zone',
  'base',
  'cluster-area',
  'new-area',
] as const;
export const CHAIN_TYPES = ['industry', 'chain', 'cluster'] as const;
export const POLICY_TYPES = [
  'document',
  'plan',
  'programme',
  'mechanism',
  'fund',
  'strategy',
  'platform',
  'standard',
] as const;
export const POLICY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'park'] as const;
export const DESIGNATION_TYPES = [
  'park-status',
  'cluster-status',
  'enterprise-title',
  'place-title',
  'pilot',
  'honour',
  'positioning',
  'organization-status',
] as const;
export const DESIGNATION_LEVELS = ['national', 'provincial', 'municipal'] as const;
export const REPORT_TYPES = ['research-report', 'analysis', 'work-report', 'congress'] as const;
export const ORG_TYPES = [
  'government',
  'legislature',
  'research',
  'university',
  'association',
  'financial',
  'media',
  'other',
] as const;
export const LEAD_ROLES = ['龙头', '链主'] as const;
export const ASSIGN_ROLES = ['牵头', '负责', '落实'] as const;
export const TARGET_ROLES = ['试点'] as const;
export const PAIRING_MODES = ['对口帮扶', '对口合作', '共建', '产业转移'] as const;
export const COOPERATION_MODES = ['合作', '同城', '对接', '共建', '设立研发机构', '签约'] as const;

/** A closed vocabulary whose errors name the field and list every valid value. */
function vocab<T extends readonly [string, ...string[]]>(field: string, values: T) {
  const valid = values.join(', ');
  return z.enum(values as unknown as [T[number], ...T[number][]], {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === 'invalid_type' && ctx.data === undefined
          ? `${field} is required (one of: ${valid})`
          : `${field} must be one of: ${valid} (got ${JSON.stringify(ctx.data)})`,
    }),
  });
}

const year = z.number().int().min(1949).max(2100);
const batch = z.string().regex(/^第[一二三四五六七八九十]+批$/, 'batch is written 第一批, 第二批 …');
const round = z.string().regex(/^第[一二三四五六七八九十]+轮$/, 'round is written 第一轮, 第三轮 …');
const factStatus = vocab('status', FACT_STATUSES);
const date = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD')
  .optional();

// ---------------------------------------------------------------------------------------------
// Kinds and their properties

/** Qualifier words that belong in `bound` or `status`, never in a metric's name. */
const METRIC_QUALIFIER = /[（(]\s*(目标|计划|超过|近|约|以上|有望[^)）]*)\s*[)）]/;

/** Properties allowed per kind: strict, so an unknown key is an error, not a silent extra. */
export const KIND_PROPERTIES = {
  City: z.object({ level: vocab('level', CITY_LEVELS) }).strict(),
  Region: z.object({ regionType: vocab('regionType', REGION_TYPES) }).strict(),
  Park: z
    .object({
      parkType: vocab('parkType', PARK_TYPES),
      status: factStatus.optional(),
      // A state the text sets as a goal (争取五年内起步区基本建成 → existing), and the year if it gives one.
      targetStatus: vocab('targetStatus', FACT_STATUSES).optional(),
      targetYear: year.optional(),
      areaKm2: z.number().positive().optional(),
    })
    .strict()
    .superRefine((p, ctx) => {
      if (p.targetYear !== undefined && p.targetStatus === undefined)
        ctx.addIssue({ code: 'custom', path: ['targetYear'], message: 'targetYear without targetStatus' });
    }),
  Enterprise: z.object({ industry: z.string().min(1).optional() }).strict(),
  Project: z
    .object({
      amountYi: z.number().nonnegative().optional(),
      amountBound: vocab('amountBound', BOUNDS).optional(),
      capacity: z.string().min(1).optional(),
      phase: z.string().min(1).optional(),
      status: vocab('status', PROJECT_STATUSES).optional(),
      year: year.optional(),
      targetStatus: vocab('targetStatus', PROJECT_STATUSES).optional(),
      targetYear: year.optional(),
    })
    .strict()
    .superRefine((p, ctx) => {
      if (p.amountYi !== undefined && p.amountBound === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['amountBound'],
          message: `amountBound is required with amountYi (one of: ${BOUNDS.join(', ')})`,
        });
      if (p.amountBound !== undefined && p.amountYi === undefined)
        ctx.addIssue({ code: 'custom', path: ['amountBound'], message: 'amountBound without amountYi' });
      if (p.targetYear !== undefined && p.targetStatus === undefined)
        ctx.addIssue({ code: 'custom', path: ['targetYear'], message: 'targetYear without targetStatus' });
    }),
  IndustryChain: z.object({ chainType: vocab('chainType', CHAIN_TYPES) }).strict(),
  Policy: z
    .object({
      policyType: vocab('policyType', POLICY_TYPES),
      level: vocab('level', POLICY_LEVELS).optional(),
      status: factStatus.optional(),
      docNumber: z.string().min(1).optional(),
      issuedDate: date,
    })
    .strict(),
  Designation: z
    .object({
      designationType: vocab('designationType', DESIGNATION_TYPES),
      level: vocab('level', DESIGNATION_LEVELS).optional(),
    })
    .strict(),
  Report: z.object({ reportType: vocab('reportType', REPORT_TYPES), issuedDate: date }).strict(),
  Organization: z.object({ orgType: vocab('orgType', ORG_TYPES) }).strict(),
  Indicator: z
    .object({
      metric: z
        .string()
        .min(1)
        .refine((m) => !METRIC_QUALIFIER.test(m), {
          message: 'metric names the measure only: put 超过/约/近/以上 in bound and 目标/计划/有望 in status',
        }),
      value: z.number(),
      unit: z.string().min(1),
      bound: vocab('bound', BOUNDS),
      status: vocab('status', INDICATOR_STATUSES),
      year: year.optional(),
      period: z.string().min(1).optional(),
      growthPct: z.number().optional(),
      rankScope: z.string().min(1).optional(),
      rankOutOf: z.number().int().positive().optional(),
    })
    .strict()
    .superRefine((i, ctx) => {
      if (i.unit === '位' && i.rankScope === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['rankScope'],
          message: 'a rank (unit 位) needs rankScope: the set it is ranked in, e.g. 广东省',
        });
      if (i.unit !== '位' && (i.rankScope !== undefined || i.rankOutOf !== undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['rankScope'],
          message: 'rankScope and rankOutOf are for ranks (unit 位)',
        });
    }),
} as const satisfies Record<EntityKind, z.ZodTypeAny>;

/** The property names a curator may give a kind (its strict object, under any refinement). */
export function kindPropertyNames(kind: EntityKind): string[] {
  const schema: z.ZodTypeAny = KIND_PROPERTIES[kind];
  const object = schema instanceof z.ZodEffects ? (schema.innerType() as z.ZodTypeAny) : schema;
  return object instanceof z.ZodObject ? Object.keys(object.shape as z.ZodRawShape) : [];
}

// ---------------------------------------------------------------------------------------------
// Predicates

type Kinds = readonly EntityKind[];

interface PredicateRule extends Meaning {
  /** Allowed (subject kinds, object kinds) groups: any subject of a group with any object of it. */
  ends: ReadonlyArray<readonly [Kinds, Kinds]>;
  /** The qualifiers the predicate allows (strict). */
  qualifiers: z.ZodTypeAny;
  /** Stored once, from the smaller id. */
  symmetric?: boolean;
}

const PLACES: Kinds = ['City', 'Region', 'Park'];
/** What can hold a designation: places, firms, projects, chains, bodies, and an instrument (a system selected as a model practice). */
const HOLDERS: Kinds = ['City', 'Region', 'Park', 'Enterprise', 'Project', 'IndustryChain', 'Organization', 'Policy'];
const withStatus = z.object({ status: factStatus.optional() }).strict();
const none = z.object({}).strict();

/**
 * Relationship types a curator may state: the kinds allowed at each end, the qualifiers, and what
 * each means. The model's one home: the build checks every fact against it, the GraphQL SDL's
 * @relation fields are checked against it (src/graphql/relation-model.test.ts), and the Browser
 * guide and the benchmark's synthetic graph read it.
 */
const RULES = {
  PART_OF: {
    zh: '上级行政区、上级区域、所属园区、上级产业链、上级机构、所属规划',
    en: 'administrative parent, enclosing region or park, parent chain, parent body, the plan an action belongs to',
    ends: [
      [['City'], ['City']],
      [['Region'], ['Region']],
      [['Park'], ['Park']],
      [['IndustryChain'], ['IndustryChain']],
      [['Organization'], ['Organization']],
      [['Policy'], ['Policy']],
    ],
    qualifiers: withStatus,
  },
  LOCATED_IN: {
    zh: '所在地（最具体的城市）',
    en: 'where it is (its most specific city)',
    ends: [[['Park', 'Region', 'Enterprise', 'Project', 'Organization'], ['City']]],
    qualifiers: withStatus,
  },
  IN_PARK: {
    zh: '位于园区',
    en: 'in a park',
    ends: [[['Enterprise', 'Project', 'Organization'], ['Park']]],
    qualifiers: withStatus,
  },
  IN_REGION: {
    zh: '属于该区域（融入、纳入）',
    en: 'member of a region, circle or belt',
    ends: [[['City', 'Park', 'Region', 'Enterprise', 'Project'], ['Region']]],
    qualifiers: withStatus,
  },
  LEADS_CHAIN: {
    zh: '链主、龙头企业（属性 role）',
    en: 'leads the chain (property role)',
    ends: [[['Enterprise'], ['IndustryChain']]],
    qualifiers: z.object({ role: vocab('role', LEAD_ROLES), status: factStatus.optional() }).strict(),
  },
  PART_OF_CHAIN: {
    zh: '属于该产业链（最具体的一条）',
    en: 'belongs to the chain (the most specific one)',
    ends: [[['Enterprise', 'Project'], ['IndustryChain']]],
    qualifiers: withStatus,
  },
  HAS_INDUSTRY: {
    zh: '发展、承载或规划该产业（属性 status、tier；多份文档说法不同时取最新，另存 statusDocs、statuses）',
    en: 'has, develops or plans the industry (properties status, tier; when documents differ, the latest one’s status, every reading in statusDocs, statuses)',
    ends: [[PLACES, ['IndustryChain']]],
    qualifiers: z.object({ status: factStatus, tier: vocab('tier', TIERS).optional() }).strict(),
  },
  OPERATES: {
    zh: '投资、建设或运营项目',
    en: 'invests in, builds or runs the project',
    ends: [[['Enterprise', 'Organization'], ['Project']]],
    qualifiers: withStatus,
  },
  SUBSIDIARY_OF: {
    zh: '子公司',
    en: 'subsidiary of',
    ends: [[['Enterprise'], ['Enterprise']]],
    qualifiers: withStatus,
  },
  SUPPLIES: {
    zh: '为其配套（属性 product）',
    en: 'supplies (property product)',
    ends: [[['Enterprise', 'Project'], ['Enterprise']]],
    qualifiers: z.object({ status: factStatus.optional(), product: z.string().min(1).optional() }).strict(),
  },
  COOPERATES_WITH: {
    zh: '合作、同城、对接、校企合作（属性 mode）',
    en: 'cooperates with (property mode)',
    ends: [
      [
        ['Enterprise', 'Organization', 'City'],
        ['Enterprise', 'Organization', 'City'],
      ],
    ],
    qualifiers: z.object({ mode: vocab('mode', COOPERATION_MODES).optional(), status: factStatus.optional() }).strict(),
    symmetric: true,
  },
  PAIRED_WITH: {
    zh: '对口帮扶、对口合作、共建、产业转移（属性 mode、round）',
    en: 'counterpart assistance, co-building, industrial transfer (properties mode, round)',
    ends: [
      [
        ['City', 'Park'],
        ['City', 'Park'],
      ],
    ],
    qualifiers: z
      .object({ mode: vocab('mode', PAIRING_MODES).optional(), round: round.optional(), status: factStatus.optional() })
      .strict(),
    symmetric: true,
  },
  ISSUED_BY: {
    zh: '发布、授予或撰写的机构',
    en: 'the body that issued, confers or wrote it',
    ends: [[['Policy', 'Designation', 'Report'], ['Organization']]],
    qualifiers: none,
  },
  APPLIES_TO: {
    zh: '政策工具的作用对象（属性 role、batch、year）',
    en: 'what the instrument acts on (properties role, batch, year)',
    ends: [[['Policy'], ['City', 'Region', 'Park', 'IndustryChain', 'Enterprise', 'Project', 'Organization']]],
    qualifiers: z
      .object({
        role: vocab('role', TARGET_ROLES).optional(),
        batch: batch.optional(),
        year: year.optional(),
        status: factStatus.optional(),
      })
      .strict(),
  },
  // A policy carries out a broader instrument, or the line a report or congress set (贯彻党的二十大精神).
  IMPLEMENTS: {
    zh: '落实、实施更上位的政策，或贯彻报告、党代会精神',
    en: 'the more specific instrument carries out the broader one, or the line of a report or congress',
    ends: [[['Policy'], ['Policy', 'Report']]],
    qualifiers: none,
  },
  ASSIGNS: {
    zh: '政策交给其任务：牵头、负责或落实（属性 role）',
    en: 'the instrument gives it a task: to lead, to carry out, to implement (property role)',
    ends: [[['Policy'], ['Organization', 'Enterprise']]],
    qualifiers: z.object({ role: vocab('role', ASSIGN_ROLES) }).strict(),
  },
  HAS_DESIGNATION: {
    zh: '已获、被推荐或争创的荣誉、称号（属性 status、year、batch；多份文档说法不同时取最新，另存 statusDocs、statuses）',
    en: 'holds, is nominated for or seeks the designation (properties status, year, batch; when documents differ, the latest one’s status, every reading in statusDocs, statuses)',
    ends: [[HOLDERS, ['Designation']]],
    qualifiers: z
      .object({ status: vocab('status', DESIGNATION_STATUSES), year: year.optional(), batch: batch.optional() })
      .strict(),
  },
  PROPOSED_IN: {
    zh: '在该报告或会议中提出',
    en: 'put forward in the report or congress',
    ends: [[['Policy', 'Designation'], ['Report']]],
    qualifiers: none,
  },
  ABOUT: {
    zh: '报告的主题',
    en: 'what the report is about',
    // Any kind but a figure: a report is about things, its figures are their indicators.
    ends: [[['Report'], ENTITY_KINDS.filter((k) => k !== 'Indicator')]],
    qualifiers: none,
  },
  HAS_INDICATOR: {
    zh: '统计数字（所度量的对象）',
    en: 'a stated figure (what it measures)',
    ends: [
      [['City', 'Region', 'Park', 'Enterprise', 'Project', 'IndustryChain', 'Policy', 'Designation'], ['Indicator']],
    ],
    qualifiers: none,
  },
  // A target figure is also reachable from the instrument that sets it (a plan's commitments).
  SETS_TARGET: {
    zh: '政策工具设定的目标数字',
    en: 'a figure the instrument sets as its target',
    ends: [[['Policy'], ['Indicator']]],
    qualifiers: none,
  },
} as const satisfies Record<string, PredicateRule>;

export type Predicate = keyof typeof RULES;
export const PREDICATE_NAMES = Object.keys(RULES) as Predicate[];

const union = (groups: ReadonlyArray<readonly [Kinds, Kinds]>, side: 0 | 1): EntityKind[] => [
  ...new Set(groups.flatMap((g) => g[side])),
];

/** Every predicate with its rule, plus the union of kinds at each end (for documentation). */
export const PREDICATES = Object.fromEntries(
  PREDICATE_NAMES.map((p) => {
    const rule: PredicateRule = RULES[p];
    return [p, { ...rule, from: union(rule.ends, 0), to: union(rule.ends, 1) }];
  }),
) as Record<Predicate, PredicateRule & { from: EntityKind[]; to: EntityKind[] }>;

/** Whether the model allows `subject -[p]-> object` between these kinds. */
export function allows(p: Predicate, subject: EntityKind, object: EntityKind): boolean {
  return PREDICATES[p].ends.some(([from, to]) => from.includes(subject) && to.includes(object));
}

/** "City → City; Park → Park …": the allowed ends of a predicate, for error messages. */
export function describeEnds(p: Predicate): string {
  return PREDICATES[p].ends.map(([from, to]) => `${from.join('/')} → ${to.join('/')}`).join('; ');
}

/** Relationship types the builder derives itself (curators never write them), with their ends. */
export const DERIVED_RELATIONSHIPS = {
  MENTIONED_IN: {
    from: ENTITY_KINDS,
    to: ['Document'],
    zh: '在文档中被提及（属性 quotes / starts / ends）',
    en: 'mentioned in (properties quotes / starts / ends)',
  },
  DESCRIBES: { from: ['Document'], to: ['City'], zh: '文档所写的城市', en: 'the city the document is about' },
} as const satisfies Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[] } & Meaning>;

/** Every relationship type in the graph, with the labels allowed at each end. */
export const RELATIONSHIP_TYPES: Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[] } & Meaning> = {
  ...PREDICATES,
  ...DERIVED_RELATIONSHIPS,
};

// ---------------------------------------------------------------------------------------------
// Seed files

const quote = z.string().min(2).max(50);
/** A quote from this seed's own document, or `{doc, quote}` for another document. */
export const EvidenceInput = z.union([quote, z.object({ doc: z.string().regex(/^doc:\d{3}$/), quote }).strict()]);
export type EvidenceInput = z.infer<typeof EvidenceInput>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const id = z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/, 'ids look like "kind:slug" in lowercase ascii');
const reason = z.string().min(10, 'a reason says in a line how the fact follows (at least 10 characters)');
/** Curated facts and entities are stated (the default) or inferred; world knowledge has its own file. */
const curatedBasis = z.enum(['stated', 'inferred'], {
  errorMap: (_, ctx) => ({
    message: `basis must be stated or inferred (got ${JSON.stringify(ctx.data)}); world knowledge goes in world-knowledge.yaml`,
  }),
});

/** An inferred node or fact needs a reason; a stated one must not pretend to have one. */
function checkBasis(value: { basis?: string; reason?: string }, ctx: z.RefinementCtx) {
  if (value.basis === 'inferred' && !value.reason)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an inferred fact or entity needs a one-line reason' });
  if (value.basis !== 'inferred' && value.reason)
    ctx.addIssue({ code: 'custom', path: ['basis'], message: 'a reason is for inferred facts: set basis: inferred' });
}

export const EntityInput = z
  .object({
    id,
    kind: vocab('kind', ENTITY_KINDS),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    aliases: z.array(z.string().min(1)).default([]),
    props: z.record(scalar.or(z.array(z.string()))).default({}),
    basis: curatedBasis.default('stated'),
    reason: reason.optional(),
    /**
     * Entities whose names are equal or contain one another but which are different things, with
     * the reason: pairwise, so the duplicate check still compares this entity with every other one.
     */
    distinctFrom: z.record(id, reason).default({}),
    // Replaced by distinctFrom: a blanket exemption hid every other duplicate of the entity.
    sharesNameBecause: z
      .undefined({
        errorMap: () => ({
          message: 'sharesNameBecause is replaced by distinctFrom: {<the other id>: <why they differ>}',
        }),
      })
      .optional(),
    note: z.string().optional(),
    evidence: z.array(EvidenceInput).min(1, 'every entity needs at least one evidence quote'),
  })
  .strict()
  .superRefine((entity, ctx) => {
    const prefix = ID_PREFIXES[entity.kind];
    if (prefix && !entity.id.startsWith(`${prefix}:`))
      ctx.addIssue({ code: 'custom', path: ['id'], message: `the id of a ${entity.kind} starts with "${prefix}:"` });
    checkBasis(entity, ctx);
    // Each kind has its own strict property schema: a typo or a property of another kind fails.
    const result = KIND_PROPERTIES[entity.kind]?.safeParse(entity.props);
    if (result && !result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['props', ...issue.path] });
    }
  });
export type EntityInput = z.infer<typeof EntityInput>;

export const FactInput = z
  .object({
    s: id,
    p: z.enum(PREDICATE_NAMES as [Predicate, ...Predicate[]]),
    o: id,
    props: z.record(scalar).default({}),
    basis: curatedBasis.default('stated'),
    reason: reason.optional(),
    evidence: z.array(EvidenceInput).min(1, 'every fact needs at least one evidence quote'),
  })
  .strict()
  .superRefine((fact, ctx) => {
    checkBasis(fact, ctx);
    const rule = RULES[fact.p];
    const result = rule?.qualifiers.safeParse(fact.props);
    if (result && !result.success) {
      for (const issue of result.error.issues) {
        const message =
          issue.code === 'unrecognized_keys'
            ? `${fact.p} takes no qualifier ${issue.keys.join(', ')} (allowed: ${qualifierNames(fact.p).join(', ') || 'none'})`
            : issue.message;
        ctx.addIssue({ ...issue, message, path: ['props', ...issue.path] });
      }
    }
  });
export type FactInput = z.infer<typeof FactInput>;

/** The qualifier names a predicate allows. */
export function qualifierNames(p: Predicate): string[] {
  const schema = RULES[p].qualifiers as unknown as z.ZodObject<z.ZodRawShape>;
  return Object.keys(schema.shape ?? {});
}

export const DocumentInput = z
  .object({
    id: z.string().regex(/^doc:\d{3}$/),
    file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    title: z.string().min(1),
    publisher: z.string().min(1),
    /** As precise as the text allows (YYYY, YYYY-MM or YYYY-MM-DD): it orders documents' statuses. */
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a document date is YYYY, YYYY-MM or YYYY-MM-DD'),
    /** stated: the text prints the date; inferred: the text implies it (reason required). */
    dateBasis: curatedBasis.default('stated'),
    dateReason: reason.optional(),
    city: id,
    script: z.enum(['simplified', 'traditional']),
    /** Evidence for the metadata itself (title, date, publisher lines). */
    evidence: z.array(quote).min(1),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.dateBasis === 'inferred' && !d.dateReason)
      ctx.addIssue({ code: 'custom', path: ['dateReason'], message: 'an inferred date needs a one-line dateReason' });
    if (d.dateBasis !== 'inferred' && d.dateReason)
      ctx.addIssue({
        code: 'custom',
        path: ['dateBasis'],
        message: 'a dateReason is for inferred dates: set dateBasis: inferred',
      });
  });

/** Mentions the coverage lint finds that are deliberately not entities, with the reason. */
export const IgnoreInput = z.object({ text: z.string().min(1), reason: z.string().min(3) }).strict();

export const SeedFile = z
  .object({
    document: DocumentInput,
    entities: z.array(EntityInput).min(1),
    facts: z.array(FactInput).default([]),
    ignore: z.array(IgnoreInput).default([]),
  })
  .strict();
export type SeedFile = z.infer<typeof SeedFile>;

/**
 * Facts the documents take for granted but never state (e.g. 郴州市 is in 湖南省). They carry
 * no evidence; the graph marks them `basis: 'world-knowledge'` with the reason, and a fact the
 * text does state always wins over its world-knowledge twin.
 */
export const WorldKnowledgeFile = z
  .object({
    facts: z.array(
      z
        .object({
          s: id,
          p: z.enum(PREDICATE_NAMES as [Predicate, ...Predicate[]]),
          o: id,
          props: z.record(scalar).default({}),
          reason: z.string().min(5),
        })
        .strict()
        .superRefine((fact, ctx) => {
          const result = RULES[fact.p]?.qualifiers.safeParse(fact.props);
          if (result && !result.success)
            for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['props', ...issue.path] });
        }),
    ),
  })
  .strict();
export type WorldKnowledgeFile = z.infer<typeof WorldKnowledgeFile>;

/**
 * seeds/unplaced-worklist.yaml: the Parks and Projects the model migration left without a city,
 * which the placement check reports instead of failing on while curators work the list down.
 */
export const UnplacedWorklist = z
  .object({
    unplaced: z
      .array(z.object({ id, doc: z.string().regex(/^doc:\d{3}$/), note: z.string().optional() }).strict())
      .default([]),
  })
  .strict();
export type UnplacedWorklist = z.infer<typeof UnplacedWorklist>;

/** The values of a predicate's `status` qualifier, or undefined when it takes none. */
function statusValues(p: Predicate): readonly string[] | undefined {
  const shape = (RULES[p].qualifiers as unknown as z.ZodObject<z.ZodRawShape>).shape ?? {};
  let status: z.ZodTypeAny | undefined = shape.status;
  while (status instanceof z.ZodOptional) status = status.unwrap() as z.ZodTypeAny;
  return status instanceof z.ZodEnum ? (status.options as string[]) : undefined;
}

const sameValues = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** Predicates whose `status` is a fact status (existing, planned, under-way; omitted means existing). */
export const FACT_STATUS_PREDICATES: readonly Predicate[] = PREDICATE_NAMES.filter((p) =>
  sameValues(statusValues(p), FACT_STATUSES),
);

/** Predicates whose `status` is a designation status (awarded, nominated, sought): HAS_DESIGNATION. */
export const DESIGNATION_STATUS_PREDICATES: readonly Predicate[] = PREDICATE_NAMES.filter((p) =>
  sameValues(statusValues(p), DESIGNATION_STATUSES),
);

/** Predicates stored once for both directions (PAIRED_WITH, COOPERATES_WITH). */
export const SYMMETRIC_PREDICATES: readonly Predicate[] = PREDICATE_NAMES.filter(
  (p) => (RULES[p] as PredicateRule).symmetric === true,
);
