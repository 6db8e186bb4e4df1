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
  sentence: boolean;
  relationBasis: boolean;
}

const CAPABILITIES = `query ExplorerCapabilities {
  entity: __type(name: "Entity") { possibleTypes { name fields { name args { name } type { ...TypeRef } } } }
  evidence: __type(name: "Evidence") { fields { name type { ...TypeRef } } }
  relation: __type(name: "Relation") { fields { name type { ...TypeRef } } }
}
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

export async function loadCapabilities(gql: Gql): Promise<Capabilities> {
  const data = await gql<{
    entity: { possibleTypes: Array<{ name: string; fields: FieldInfo[] }> } | null;
    evidence: { fields: FieldInfo[] } | null;
    relation: { fields: FieldInfo[] } | null;
  }>(CAPABILITIES);
  const properties: Record<string, string[]> = {};
  for (const type of data.entity?.possibleTypes ?? []) {
    properties[type.name] = type.fields
      .filter((f) => !COMMON.has(f.name) && !f.args?.length && isScalar(f.type))
      .map((f) => f.name);
  }
  const has = (fields: FieldInfo[] | undefined, name: string, scalar: boolean) =>
    (fields ?? []).some((f) => f.name === name && isScalar(f.type) === scalar);
  return {
    properties,
    sentence: has(data.evidence?.fields, 'sentence', false),
    relationBasis: has(data.relation?.fields, 'basis', true),
  };
}

export function entityQuery(cap: Capabilities): string {
  const kinds = Object.entries(cap.properties)
    .filter(([, fields]) => fields.length)
    .map(([kind, fields]) => `... on ${kind} { ${fields.join(' ')} }`)
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
