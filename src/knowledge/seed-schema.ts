/**
 * The shape of a curated seed file (seeds/*.yaml): one file per source document.
 * Everything a curator writes is validated here, so a typo in a kind, predicate or
 * property name fails the build with the file and entry instead of landing in the graph.
 */
import { z } from 'zod';

export const ENTITY_KINDS = [
  'City',
  'Park',
  'Enterprise',
  'Project',
  'IndustryChain',
  'Policy',
  'Organization',
  'Indicator',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Every node also carries the `Entity` label; `Document` nodes are the sources. */
export const NODE_LABELS = [...ENTITY_KINDS, 'Document'] as const;

export type NodeLabel = (typeof NODE_LABELS)[number];

type Kinds = readonly EntityKind[];
const ANY_PLACE: Kinds = ['City', 'Park'];

/** What a label or relationship type means, in Chinese and English (the Browser guide shows it). */
export interface Meaning {
  zh: string;
  en: string;
}

/**
 * What each label stands for. The model's one home: the Browser guide's label table reads it,
 * with each kind's properties from KIND_PROPERTIES below.
 */
export const LABEL_MEANINGS: Record<'Entity' | NodeLabel, Meaning> = {
  Entity: {
    zh: '所有节点共有的标签；id 全局唯一、永久不变',
    en: 'on every node; its id is globally unique and stable',
  },
  City: {
    zh: '省、地级市、县级市、区、县、新区',
    en: 'provinces, prefectures, county-level cities, districts, counties, new areas',
  },
  Park: {
    zh: '产业园、高新区、开发区、产业转移园、平台、基地',
    en: 'industrial parks, high-tech and development zones, transfer parks, platforms, bases',
  },
  Enterprise: { zh: '企业', en: 'enterprises' },
  Project: { zh: '投资项目', en: 'investment projects' },
  IndustryChain: { zh: '产业链、产业集群、产业', en: 'industry chains, clusters and industries' },
  Policy: {
    zh: '政策文件、规划、方案、机制、战略',
    en: 'policy documents, plans, programmes, mechanisms, strategies',
  },
  Organization: {
    zh: '政府部门、科研院所、高校、协会、金融机构',
    en: 'government bodies, research institutes, universities, associations, financial bodies',
  },
  Indicator: { zh: '文档给出的统计数字', en: 'a figure a document states' },
  Document: { zh: '源文档（报道、政府文件）', en: 'source documents (reports, government papers)' },
};

/**
 * Relationship types a curator may state, with the kinds allowed at each end and what they mean.
 * The model's one home: the build checks every fact against it, the GraphQL SDL's @relation
 * fields are checked against it (src/graphql/relation-model.test.ts), and the Browser guide and
 * the benchmark's synthetic graph read it.
 */
export const PREDICATES = {
  PART_OF: {
    from: ['City', 'Park', 'IndustryChain', 'Organization'],
    to: ['City', 'Park', 'IndustryChain', 'Organization'],
    zh: '上级行政区、所属园区、上级产业链、上级机构',
    en: 'administrative parent, enclosing park, parent chain, parent body',
  },
  LOCATED_IN: {
    from: ['Park', 'Enterprise', 'Project', 'Organization'],
    to: ['City'],
    zh: '所在地',
    en: 'where it is',
  },
  IN_PARK: { from: ['Enterprise', 'Project', 'Organization', 'Park'], to: ['Park'], zh: '位于园区', en: 'in a park' },
  LEADS_CHAIN: {
    from: ['Enterprise'],
    to: ['IndustryChain'],
    zh: '链主、龙头企业（属性 role）',
    en: 'leads the chain (property role)',
  },
  PART_OF_CHAIN: {
    from: ['Enterprise', 'Project'],
    to: ['IndustryChain'],
    zh: '属于该产业链',
    en: 'belongs to the chain',
  },
  HAS_INDUSTRY: {
    from: ANY_PLACE,
    to: ['IndustryChain'],
    zh: '发展、承载该产业',
    en: 'develops or hosts the industry',
  },
  OPERATES: {
    from: ['Enterprise', 'Organization'],
    to: ['Project'],
    zh: '投资、建设或运营项目',
    en: 'invests in, builds or runs the project',
  },
  SUBSIDIARY_OF: { from: ['Enterprise'], to: ['Enterprise'], zh: '子公司', en: 'subsidiary of' },
  SUPPLIES: { from: ['Enterprise', 'Project'], to: ['Enterprise'], zh: '为其配套', en: 'supplies' },
  COOPERATES_WITH: {
    from: ['Enterprise', 'Organization', 'City'],
    to: ['Enterprise', 'Organization', 'City'],
    zh: '合作、签约、校企合作',
    en: 'cooperates with',
  },
  ISSUED_BY: { from: ['Policy'], to: ['Organization', 'City'], zh: '政策发布者', en: 'issued by' },
  APPLIES_TO: {
    from: ['Policy'],
    to: ['City', 'Park', 'IndustryChain', 'Enterprise', 'Project', 'Organization'],
    zh: '政策对象',
    en: 'what the policy targets',
  },
  IMPLEMENTS: { from: ['Policy'], to: ['Policy'], zh: '落实上级政策', en: 'carries out another policy' },
  ASSIGNS: {
    from: ['Policy'],
    to: ['Organization', 'Enterprise'],
    zh: '政策交给其任务：牵头或负责（属性 role）',
    en: 'the policy gives it a task: to lead or to carry out (property role)',
  },
  PAIRED_WITH: {
    from: ANY_PLACE,
    to: ANY_PLACE,
    zh: '对口帮扶、共建、产业转移（属性 mode）',
    en: 'counterpart assistance, co-building, industrial transfer (property mode)',
  },
  HAS_INDICATOR: {
    from: ['City', 'Park', 'Enterprise', 'IndustryChain', 'Project'],
    to: ['Indicator'],
    zh: '统计数字',
    en: 'a stated figure',
  },
} as const satisfies Record<string, { from: Kinds; to: Kinds } & Meaning>;
export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as Predicate[];

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

export const PROJECT_STATUSES = ['规划', '签约', '开工', '在建', '投产', '竣工', '达产'] as const;
export const CITY_LEVELS = ['province', 'prefecture', 'county-level-city', 'district', 'county', 'new-area'] as const;

const quote = z.string().min(2).max(50);
/** A quote from this seed's own document, or `{doc, quote}` for another document. */
export const EvidenceInput = z.union([quote, z.object({ doc: z.string().regex(/^doc:\d{3}$/), quote }).strict()]);
export type EvidenceInput = z.infer<typeof EvidenceInput>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const year = z.number().int().min(1949).max(2100);

/** Properties allowed per kind: strict, so an unknown key is an error, not a silent extra. */
export const KIND_PROPERTIES = {
  City: z.object({ level: z.enum(CITY_LEVELS) }).strict(),
  Park: z
    .object({
      parkType: z.enum([
        'industrial-park',
        'high-tech-zone',
        'development-zone',
        'transfer-park',
        'platform',
        'zone',
        'base',
        'cluster-area',
        'new-area',
      ]),
      designations: z.array(z.string().min(1)).optional(),
      areaKm2: z.number().positive().optional(),
    })
    .strict(),
  Enterprise: z.object({ industry: z.string().optional() }).strict(),
  Project: z
    .object({
      amountYi: z.number().nonnegative().optional(),
      capacity: z.string().optional(),
      phase: z.string().optional(),
      status: z.enum(PROJECT_STATUSES).optional(),
      year: year.optional(),
    })
    .strict(),
  IndustryChain: z.object({ chainType: z.enum(['chain', 'cluster', 'industry']) }).strict(),
  Policy: z
    .object({
      policyType: z.enum(['document', 'plan', 'programme', 'mechanism', 'strategy']),
      docNumber: z.string().optional(),
      issuedDate: z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
        .optional(),
    })
    .strict(),
  Organization: z
    .object({ orgType: z.enum(['government', 'research', 'university', 'association', 'financial', 'media', 'other']) })
    .strict(),
  Indicator: z
    .object({
      metric: z.string().min(1),
      value: z.number(),
      unit: z.string().min(1),
      year: year.optional(),
      period: z.string().optional(),
      growthPct: z.number().optional(),
    })
    .strict(),
} as const satisfies Record<EntityKind, z.ZodTypeAny>;

const id = z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/, 'ids look like "kind:slug" in lowercase ascii');

export const EntityInput = z
  .object({
    id,
    kind: z.enum(ENTITY_KINDS),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    aliases: z.array(z.string().min(1)).default([]),
    props: z.record(scalar.or(z.array(z.string()))).default({}),
    /** Why two entities of one kind may share a name or alias. */
    sharesNameBecause: z.string().optional(),
    note: z.string().optional(),
    evidence: z.array(EvidenceInput).min(1, 'every entity needs at least one evidence quote'),
  })
  .strict()
  .superRefine((entity, ctx) => {
    // Each kind has its own strict property schema: a typo or a property of another kind fails.
    const result = KIND_PROPERTIES[entity.kind].safeParse(entity.props);
    if (!result.success) {
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
    evidence: z.array(EvidenceInput).min(1, 'every fact needs at least one evidence quote'),
  })
  .strict();
export type FactInput = z.infer<typeof FactInput>;

export const DocumentInput = z
  .object({
    id: z.string().regex(/^doc:\d{3}$/),
    file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
    title: z.string().min(1),
    publisher: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    city: id,
    script: z.enum(['simplified', 'traditional']),
    /** Evidence for the metadata itself (title, date, publisher lines). */
    evidence: z.array(quote).min(1),
  })
  .strict();

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
          reason: z.string().min(5),
        })
        .strict(),
    ),
  })
  .strict();
export type WorldKnowledgeFile = z.infer<typeof WorldKnowledgeFile>;
