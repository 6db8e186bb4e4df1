/**
 * The closed vocabularies as GraphQL enums (schema/vocabularies.graphql). Their values come from
 * the seed schema (src/knowledge/seed-schema.ts, the one home of every vocabulary): each enum
 * value stands for one stored value (UNDER_CONSTRUCTION ↔ 在建, UNDER_WAY ↔ under-way), so
 * resolvers and Cypher see what the graph stores and clients see the enum. vocabularies.test.ts
 * fails when the SDL and the seed schema drift apart.
 *
 * Inputs accept more than the enum's names, as strings: the stored value, the Chinese label the
 * SDL gives each value, and the synonyms below (竣工投产 → 投产), in any script, case or spacing.
 * Anything else is refused with a message that lists the valid values with their labels: a filter
 * on a value that does not exist would otherwise answer an empty list as if there were none.
 */
import type { IResolvers } from '@graphql-tools/utils';
import { GraphQLError, Kind, print, type GraphQLEnumType, type GraphQLSchema, type ValueNode } from 'graphql';
import {
  BASES,
  BOUNDS,
  CHAIN_TYPES,
  CITY_LEVELS,
  DESIGNATION_LEVELS,
  DESIGNATION_STATUSES,
  DESIGNATION_TYPES,
  FACT_STATUSES,
  INDICATOR_STATUSES,
  ORG_TYPES,
  PARK_TYPES,
  POLICY_LEVELS,
  POLICY_TYPES,
  PROJECT_STATUSES,
  REGION_TYPES,
  REPORT_TYPES,
} from '../knowledge/seed-schema.js';
import { normalizeText } from '../text/chinese.js';

export interface Vocabulary {
  /** The values as the graph stores them, from the seed schema. */
  values: readonly string[];
  /** Enum names of values that are not ASCII words (规划 → PLANNED); others are upper snake case (under-way → UNDER_WAY). */
  names?: Readonly<Record<string, string>>;
  /** Words users type for a value (竣工投产 → 投产), besides its name, stored value and Chinese label. */
  synonyms?: Readonly<Record<string, string>>;
}

/** Every vocabulary enum of the SDL, by enum name. */
export const VOCABULARIES = {
  Basis: {
    values: BASES,
    synonyms: { explicit: 'stated', 常识性: 'world-knowledge' },
  },
  FactStatus: {
    values: FACT_STATUSES,
    synonyms: {
      现有: 'existing',
      已建: 'existing',
      计划: 'planned',
      谋划: 'planned',
      在建: 'under-way',
      推进: 'under-way',
      'in progress': 'under-way',
    },
  },
  DesignationStatus: {
    values: DESIGNATION_STATUSES,
    synonyms: {
      获评: 'awarded',
      获批: 'awarded',
      认定: 'awarded',
      推荐: 'nominated',
      申报: 'nominated',
      创建: 'sought',
    },
  },
  ProjectStatus: {
    values: PROJECT_STATUSES,
    names: {
      规划: 'PLANNED',
      签约: 'SIGNED',
      开工: 'STARTED',
      在建: 'UNDER_CONSTRUCTION',
      投产: 'IN_OPERATION',
      竣工: 'COMPLETED',
      达产: 'AT_FULL_CAPACITY',
    },
    synonyms: {
      计划: '规划',
      谋划: '规划',
      前期: '规划',
      planning: '规划',
      签约落地: '签约',
      落地: '签约',
      动工: '开工',
      开工建设: '开工',
      新开工: '开工',
      started: '开工',
      续建: '在建',
      建设中: '在建',
      'under construction': '在建',
      竣工投产: '投产',
      建成投产: '投产',
      投产运营: '投产',
      operating: '投产',
      建成: '竣工',
      完工: '竣工',
      达产达效: '达产',
      'full capacity': '达产',
    },
  },
  CityLevel: {
    values: CITY_LEVELS,
    synonyms: {
      省: 'province',
      地级市: 'prefecture',
      县级市: 'county-level-city',
      市辖区: 'district',
      区: 'district',
      县: 'county',
      新区: 'new-area',
    },
  },
  Bound: { values: BOUNDS },
  IndicatorStatus: { values: INDICATOR_STATUSES },
  RegionType: { values: REGION_TYPES },
  ParkType: { values: PARK_TYPES },
  ChainType: { values: CHAIN_TYPES },
  PolicyType: { values: POLICY_TYPES },
  PolicyLevel: { values: POLICY_LEVELS },
  DesignationType: { values: DESIGNATION_TYPES },
  DesignationLevel: { values: DESIGNATION_LEVELS },
  ReportType: { values: REPORT_TYPES },
  OrganizationType: { values: ORG_TYPES },
} as const satisfies Record<string, Vocabulary>;

/** The enum name of a stored value. */
export function enumName(vocabulary: Vocabulary, value: string): string {
  return vocabulary.names?.[value] ?? value.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** What a typed word is compared as: Simplified, lower case, one kind of separator. */
const fold = (text: string) =>
  normalizeText(text.trim())
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** The Chinese label the SDL gives a value: its description up to the first colon. */
type Maybe<T> = T | null | undefined;
type ObjMap<T> = Record<string, T>;

const labelOf = (description: string | null | undefined) => description?.split(/[:：]/)[0]?.trim() || undefined;

/**
 * Resolvers mapping each enum value to the stored value it stands for: graphql-tools then hands
 * resolvers and Cypher the stored value and serialises the stored value as the enum.
 */
export function vocabularyResolvers(): IResolvers {
  return Object.fromEntries(
    Object.entries(VOCABULARIES).map(([name, vocabulary]) => [
      name,
      Object.fromEntries(vocabulary.values.map((value) => [enumName(vocabulary, value), value])),
    ]),
  );
}

/**
 * Lets a vocabulary enum of the executable schema take its words: parseValue (variables) and
 * parseLiteral (the query text, where a string literal carries the Chinese words) accept the
 * enum's names, stored values, Chinese labels and synonyms, and refuse anything else with the
 * valid values. Patched on the schema's own type objects: graphql-tools rebuilds enum types from
 * their configs, so a subclass would not survive it.
 */
function acceptWords(type: GraphQLEnumType, vocabulary: Vocabulary): void {
  const accepted = new Map<string, string>();
  const labels: string[] = [];
  for (const value of type.getValues()) {
    const stored = value.value as string;
    const label = labelOf(value.description);
    labels.push(label ? `${value.name} (${label})` : value.name);
    for (const word of [value.name, stored, label]) if (word) accepted.set(fold(word), stored);
  }
  for (const [word, stored] of Object.entries(vocabulary.synonyms ?? {})) accepted.set(fold(word), stored);
  const chinese = Object.keys(vocabulary.synonyms ?? {}).filter((w) => /\p{Script=Han}/u.test(w));
  const listing =
    `one of ${labels.join(', ')}` +
    ` (as a string, the Chinese word works too${chinese.length ? `, and ${chinese.join(', ')}` : ''})`;
  const refuse = (shown: string) =>
    new GraphQLError(`${shown} is not a ${type.name}: use ${listing}.`, {
      extensions: { code: 'BAD_USER_INPUT', field: type.name },
    });
  const builtInLiteral = type.parseLiteral.bind(type);
  type.parseValue = (input: unknown) => {
    const stored = typeof input === 'string' ? accepted.get(fold(input)) : undefined;
    if (stored === undefined) throw refuse(JSON.stringify(input) ?? typeof input);
    return stored;
  };
  type.parseLiteral = (node: ValueNode, variables?: Maybe<ObjMap<unknown>>) => {
    if (node.kind !== Kind.ENUM && node.kind !== Kind.STRING) return builtInLiteral(node, variables) as unknown;
    const stored = accepted.get(fold(node.value));
    if (stored === undefined) throw refuse(print(node));
    return stored;
  };
}

/** The executable schema's vocabulary enums, made to accept their words (see acceptWords). */
export function acceptVocabularyWords(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, vocabulary] of Object.entries(VOCABULARIES)) {
    // Told by shape, not class: under the test runner @graphql-tools builds types from another copy of graphql.
    const type = schema.getType(name) as GraphQLEnumType | undefined;
    if (typeof type?.getValues !== 'function') throw new Error(`the schema has no enum ${name}`);
    acceptWords(type, vocabulary);
  }
  return schema;
}
