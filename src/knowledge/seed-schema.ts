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

type Kinds = readonly EntityKind[];
const ANY_PLACE: Kinds = ['City', 'Park'];

/** Relationship types a curator may state, with the kinds allowed at each end. */
export const PREDICATES = {
  PART_OF: {
    from: ['City', 'Park', 'IndustryChain', 'Organization'],
    to: ['City', 'Park', 'IndustryChain', 'Organization'],
  },
  LOCATED_IN: { from: ['Park', 'Enterprise', 'Project', 'Organization'], to: ['City'] },
  IN_PARK: { from: ['Enterprise', 'Project', 'Organization', 'Park'], to: ['Park'] },
  LEADS_CHAIN: { from: ['Enterprise'], to: ['IndustryChain'] },
  PART_OF_CHAIN: { from: ['Enterprise', 'Project'], to: ['IndustryChain'] },
  HAS_INDUSTRY: { from: ANY_PLACE, to: ['IndustryChain'] },
  OPERATES: { from: ['Enterprise', 'Organization'], to: ['Project'] },
  SUBSIDIARY_OF: { from: ['Enterprise'], to: ['Enterprise'] },
  SUPPLIES: { from: ['Enterprise', 'Project'], to: ['Enterprise'] },
  COOPERATES_WITH: {
    from: ['Enterprise', 'Organization', 'City'],
    to: ['Enterprise', 'Organization', 'City'],
  },
  ISSUED_BY: { from: ['Policy'], to: ['Organization', 'City'] },
  APPLIES_TO: {
    from: ['Policy'],
    to: ['City', 'Park', 'IndustryChain', 'Enterprise', 'Project', 'Organization'],
  },
  IMPLEMENTS: { from: ['Policy'], to: ['Policy'] },
  ASSIGNS: { from: ['Policy'], to: ['Organization', 'Enterprise'] },
  PAIRED_WITH: { from: ANY_PLACE, to: ANY_PLACE },
  HAS_INDICATOR: { from: ['City', 'Park', 'Enterprise', 'IndustryChain', 'Project'], to: ['Indicator'] },
} as const satisfies Record<string, { from: Kinds; to: Kinds }>;
export type Predicate = keyof typeof PREDICATES;
export const PREDICATE_NAMES = Object.keys(PREDICATES) as Predicate[];

/** Relationship types the builder derives itself; curators never write them. */
export const DERIVED_RELATIONSHIPS = ['MENTIONED_IN'] as const;

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
