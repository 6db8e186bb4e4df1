/**
 * The GraphQL operations the explorer runs. The entity query is built from what the schema
 * offers (introspection), so properties a kind gains or loses, the evidence sentence (needs the
 * corpus on the server) and a relationship's basis show when they exist and are skipped when not.
 */
import type { Gql } from './api.js';

const HEAD = 'id kind name nameEn';
const COMMON = new Set(['id', 'kind', 'name', 'nameEn', 'aliases']);

interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}
interface FieldInfo {
  name: string;
  args?: Array<{ name: string }>;
  type: TypeRef;
}

const leaf = (t: TypeRef): TypeRef => (t.ofType ? leaf(t.ofType) : t);
const isScalar = (t: TypeRef) => ['SCALAR', 'ENUM'].includes(leaf(t).kind);

export interface Capabilities {
  /** Scalar fields per kind beyond id, kind, name, nameEn, aliases. */
  properties: Record<string, string[]>;
  /**
   * Fields a kind types differently from the other kinds (Indicator.status: String! where the
   * others have String): GraphQL will not merge those in one selection, so they are aliased.
   */
  aliased: Record<string, string[]>;
  sentence: boolean;
  relationBasis: boolean;
  /**
   * The Chinese label of each value of the closed vocabularies a kind's properties use (the SDL
   * documents each enum value as "在建: …"), by kind and field: the panel shows 在建 beside UNDER_CONSTRUCTION.
   */
  enumLabels: Record<string, Record<string, Record<string, string>>>;
}

/** String, [String!]!, … as a comparable signature. */
const signature = (t: TypeRef): string =>
  t.kind === 'NON_NULL' ? `${signature(t.ofType!)}!` : t.kind === 'LIST' ? `[${signature(t.ofType!)}]` : String(t.name);

const CAPABILITIES = `query ExplorerCapabilities {
  entity: __type(name: "Entity") { possibleTypes { name fields { name args { name } type { ...TypeRef } } } }
  evidence: __type(name: "Evidence") { fields { name type { ...TypeRef } } }
  relation: __type(name: "Relation") { fields { name type { ...TypeRef } } }
  schema: __schema { types { kind name enumValues { name description } } }
}
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

export async function loadCapabilities(gql: Gql): Promise<Capabilities> {
  const data = await gql<{
    entity: { possibleTypes: Array<{ name: string; fields: FieldInfo[] }> } | null;
    evidence: { fields: FieldInfo[] } | null;
    relation: { fields: FieldInfo[] } | null;
    schema: {
      types: Array<{
        kind: string;
        name: string;
        enumValues: Array<{ name: string; description: string | null }> | null;
      }>;
    } | null;
  }>(CAPABILITIES);
  const labelsOfEnum = new Map<string, Record<string, string>>();
  for (const t of data.schema?.types ?? []) {
    if (t.kind !== 'ENUM' || t.name.startsWith('__')) continue;
    const labels: Record<string, string> = {};
    for (const v of t.enumValues ?? []) {
      const label = v.description?.split(/[:：]/)[0]?.trim();
      if (label && /\p{Script=Han}/u.test(label)) labels[v.name] = label;
    }
    if (Object.keys(labels).length) labelsOfEnum.set(t.name, labels);
  }
  const enumLabels: Capabilities['enumLabels'] = {};
  const properties: Record<string, string[]> = {};
  const signatures = new Map<string, Map<string, string[]>>(); // field → signature → kinds
  for (const type of data.entity?.possibleTypes ?? []) {
    const own = type.fields.filter((f) => !COMMON.has(f.name) && !f.args?.length && isScalar(f.type));
    properties[type.name] = own.map((f) => f.name);
    for (const f of own) {
      const labels = labelsOfEnum.get(leaf(f.type).name ?? '');
      if (labels) (enumLabels[type.name] ??= {})[f.name] = labels;
    }
    for (const f of own) {
      const bySignature = signatures.get(f.name) ?? new Map<string, string[]>();
      bySignature.set(signature(f.type), [...(bySignature.get(signature(f.type)) ?? []), type.name]);
      signatures.set(f.name, bySignature);
    }
  }
  // The most common signature keeps the plain name; the kinds with another one are aliased.
  const aliased: Record<string, string[]> = {};
  for (const [field, bySignature] of signatures) {
    const groups = [...bySignature.values()].sort((a, b) => b.length - a.length);
    for (const kinds of groups.slice(1)) for (const kind of kinds) (aliased[kind] ??= []).push(field);
  }
  const has = (fields: FieldInfo[] | undefined, name: string, scalar: boolean) =>
    (fields ?? []).some((f) => f.name === name && isScalar(f.type) === scalar);
  return {
    properties,
    aliased,
    sentence: has(data.evidence?.fields, 'sentence', false),
    relationBasis: has(data.relation?.fields, 'basis', true),
    enumLabels,
  };
}

/** An entity as fetched, with each vocabulary value shown with its Chinese label (在建 UNDER_CONSTRUCTION). */
export function withEnumLabels<T extends Record<string, unknown> & { kind: string }>(entity: T, cap: Capabilities): T {
  const fields = cap.enumLabels[entity.kind];
  if (!fields) return entity;
  const shown: Record<string, unknown> = { ...entity };
  for (const [field, labels] of Object.entries(fields)) {
    for (const key of [field, propertyAlias(entity.kind, field)]) {
      const value = shown[key];
      if (typeof value === 'string' && labels[value]) shown[key] = `${labels[value]} ${value}`;
    }
  }
  return shown as T;
}

/** The alias a kind's own property is fetched under; see entityQuery. */
export const propertyAlias = (kind: string, field: string) => `${kind}__${field}`;

const NOT_PROPERTIES = new Set([...COMMON, 'evidence', 'relations', '__typename']);

/** A fetched entity's own properties (beyond the common fields), by their schema names. */
export function ownProperties(entity: Record<string, unknown> & { kind: string }): Array<[string, unknown]> {
  const prefix = propertyAlias(entity.kind, '');
  return Object.entries(entity)
    .filter(([key]) => !NOT_PROPERTIES.has(key))
    .map(([key, value]) => [key.startsWith(prefix) ? key.slice(prefix.length) : key, value]);
}

export function entityQuery(cap: Capabilities): string {
  const kinds = Object.entries(cap.properties)
    .filter(([, fields]) => fields.length)
    .map(([kind, fields]) => {
      const aliased = new Set(cap.aliased[kind] ?? []);
      return `... on ${kind} { ${fields.map((f) => (aliased.has(f) ? `${propertyAlias(kind, f)}: ${f}` : f)).join(' ')} }`;
    })
    .join('\n      ');
  const evidence = `quote start end document { id name }${cap.sentence ? ' sentence { text start end }' : ''}`;
  return `query ExplorerEntity($id: ID!) {
    node(id: $id) {
      ${HEAD} aliases
      ${kinds}
      evidence { ${evidence} }
      relations(first: 500) {
        type direction properties { key value }${cap.relationBasis ? ' basis' : ''}
        evidence { ${evidence} }
        node { ${HEAD} }
      }
    }
  }`;
}

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 20) { totalCount edges { score match node { ${HEAD} } } }
}`;

export const CHAIN_LEADERS = `query ExplorerChainLeaders($city: String!) {
  chainLeaders(city: $city) {
    role
    enterprise { ${HEAD} projects(first: 20) { ${HEAD} parks(first: 10) { ${HEAD} } } }
    chain { ${HEAD} }
    parks { ${HEAD} }
    city { ${HEAD} }
  }
}`;

export const PATH = `query ExplorerPath($from: String!, $to: String!) {
  connections(from: $from, to: $to, maxHops: 4, first: 5) {
    length
    nodes { ${HEAD} }
    steps { from { id } to { id } type forward }
  }
}`;

/** Types that place a city's parks, chains and projects relative to each other. */
const CITY_LINKS = 'types: [PART_OF, LOCATED_IN, IN_PARK, HAS_INDUSTRY, PART_OF_CHAIN], direction: OUT, first: 30';
export const CITY_PROFILE = `query ExplorerCity($city: String!) {
  place: search(text: $city, kinds: [City], first: 1) { edges { node { ${HEAD} } } }
  cities(filter: { city: $city }, first: 100) { totalCount nodes { ...Linked } }
  parks(filter: { city: $city }, first: 100) { totalCount nodes { ...Linked } }
  chains(filter: { city: $city }, first: 100) { totalCount nodes { ...Linked } }
  projects(filter: { city: $city }, first: 100) { totalCount nodes { ...Linked } }
}
fragment Linked on Entity { ${HEAD} relations(${CITY_LINKS}) { type node { id } } }`;
