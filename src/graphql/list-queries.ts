/**
 * What each field of a kind's filter input (schema/query.graphql) means, as a Cypher condition on
 * the listed node `n`: the SDL says which filters a kind has and this module says what each
 * means; a filter field with no meaning for its kind fails at startup (and in
 * src/graphql/list-queries.test.ts), never at run time. The list compiler (list-compiler.ts)
 * writes the conditions of the filters a request gives, and only those, into its query: Grafeo
 * 0.6 evaluates both sides of `$x IS NULL OR …` for every row, which for the relationship filters
 * (issuer, designation) is a subquery per row.
 *
 * The place, park and chain filters read the lists every node carries (placeIds, parkIds,
 * chainIds; src/knowledge/derived-properties.ts): one reading of the place rule for every kind,
 * shared with chainLeaders and investmentSummary (inCity below).
 */
import { hasDerived } from '../knowledge/derived-properties.js';
import { allows, kindPropertyNames, type EntityKind } from '../knowledge/seed-schema.js';
import { listFields } from './relation-model.js';
import type { ReferableKind } from './references.js';

/** Whether `variable`'s list `property` shares an element with the list `ids` (a parameter or a variable). */
const anyIn = (variable: string, property: string, ids: string) =>
  `any(x IN ${variable}.${property} WHERE x IN ${ids})`;
/**
 * The one test of "in this city" (a derived placeIds list holds every city at any level above):
 * `city` holds one city id, the queries running once per resolved city, since Grafeo 0.6 evaluates
 * any() over a list of cities about eight times slower than a membership test.
 */
export const inCity = (variable: string, city: string) => `${city} IN ${variable}.placeIds`;
/** In one of these parks or a park inside them. */
export const inParks = (variable: string, param: string) => anyIn(variable, 'parkIds', `$${param}`);
/** Of one of these chains or a sub-chain of them. */
export const ofChains = (variable: string, param: string) => anyIn(variable, 'chainIds', `$${param}`);

/**
 * The expression a given filter field's condition reads (a parameter, or the variable holding a
 * reference resolved in the query), or null when the request does not give that field.
 */
export type FilterValue = (field: string) => string | null;

interface Condition {
  /** The filter fields it reads: it applies when the request gives any of them. */
  fields: string[];
  /**
   * How dear it is per node, for the order of the tests: Grafeo 0.6 evaluates them as written, so
   * a property comparison first spares most nodes the list scan (0) or the subquery (1) after it.
   */
  cost?: 0 | 1 | 2;
  /**
   * A boolean over the node `n`. `oneCity`: the variable holding one of the filter's cities, when
   * the query runs once per city (list-compiler.ts): the city test is then a membership test.
   */
  where(value: FilterValue, oneCity?: string): string;
}

/** The kinds a filter that names something names: resolved inside the query (references.ts). */
export const REFERENCE_KINDS: Record<string, ReferableKind[]> = {
  city: ['City'],
  park: ['Park'],
  chain: ['IndustryChain'],
  designation: ['Designation'],
  // An organisation, or a city standing for every body placed in it (list-compiler.ts).
  issuer: ['Organization', 'City'],
};

const isKind = (kind: string): kind is EntityKind => kind !== 'Document';
const hasProperty = (kind: string, property: string) => isKind(kind) && kindPropertyNames(kind).includes(property);
const holdsDesignations = (kind: string) => isKind(kind) && allows('HAS_DESIGNATION', kind, 'Designation');
const isIssued = (kind: string) => isKind(kind) && allows('ISSUED_BY', kind, 'Organization');

/** The given parts of a conjunction, joined. */
const all = (parts: Array<string | false>) => parts.filter((p): p is string => p !== false).join(' AND ');

/**
 * What each filter field means for a kind, or undefined when it means nothing for it. A field
 * named after a vocabulary property of the kind (level, parkType, policyType …) keeps the nodes
 * whose property is one of the values.
 */
function condition(kind: string, field: string): Condition | undefined {
  const plain = (where: (value: string) => string, cost: Condition['cost'] = 0): Condition => ({
    fields: [field],
    where: (value) => where(value(field)!),
    cost,
  });
  const listTest = (property: string) => plain((v) => anyIn('n', property, v), 1);
  switch (field) {
    case 'nameContains':
      return plain((v) => `n.searchText CONTAINS ${v}`);
    case 'document':
      return plain((v) => `${v} IN n.evidenceDocs`, 1);
    case 'city':
      return hasDerived(kind, 'placeIds')
        ? {
            fields: [field],
            cost: 1,
            where: (value, oneCity) => (oneCity ? inCity('n', oneCity) : anyIn('n', 'placeIds', value(field)!)),
          }
        : undefined;
    case 'park':
      return hasDerived(kind, 'parkIds') ? listTest('parkIds') : undefined;
    case 'chain':
      return hasDerived(kind, 'chainIds') ? listTest('chainIds') : undefined;
    case 'docNumber':
      return hasProperty(kind, 'docNumber') ? plain((v) => `n.docNumber = ${v}`) : undefined;
    case 'metric':
      return hasProperty(kind, 'metric') ? plain((v) => `toLower(n.metric) CONTAINS ${v}`) : undefined;
    case 'year':
      return hasProperty(kind, 'year') ? plain((v) => `n.year = ${v}`) : undefined;
    case 'target':
      return kind === 'Indicator' ? plain((v) => `(n.status = 'target') = ${v}`) : undefined;
    case 'minAmountYi':
      return hasProperty(kind, 'amountYi') ? plain((v) => `n.amountYi >= ${v}`) : undefined;
    case 'maxAmountYi':
      return hasProperty(kind, 'amountYi') ? plain((v) => `n.amountYi <= ${v}`) : undefined;
    case 'status':
      // A designation's status is its holders': held so, by something in the city and park filtered on.
      if (kind === 'Designation')
        return {
          fields: ['status'],
          cost: 2,
          where: (value) => {
            const [city, park] = [value('city'), value('park')];
            const holder = all([
              `h.status IN ${value('status')!}`,
              city !== null && anyIn('holder', 'placeIds', city),
              park !== null && anyIn('holder', 'parkIds', park),
            ]);
            return `EXISTS { MATCH (n)<-[h:HAS_DESIGNATION]-(holder:Entity) WHERE ${holder} }`;
          },
        };
      // A park's or policy's own status is optional in the seeds: absent means existing.
      if (kind === 'Park' || kind === 'Policy') return plain((v) => `coalesce(n.status, 'existing') IN ${v}`);
      return hasProperty(kind, 'status') ? plain((v) => `n.status IN ${v}`) : undefined;
    case 'issuer':
      return isIssued(kind)
        ? plain((v) => `EXISTS { MATCH (n)-[:ISSUED_BY]->(i:Entity) WHERE i.id IN ${v} }`, 2)
        : undefined;
    case 'designation':
    case 'designationStatus':
      return holdsDesignations(kind)
        ? {
            fields: ['designation', 'designationStatus'],
            cost: 2,
            where: (value) => {
              const [designation, status] = [value('designation'), value('designationStatus')];
              const held = all([
                designation !== null && `d.id IN ${designation}`,
                status !== null && `h.status IN ${status}`,
              ]);
              return `EXISTS { MATCH (n)-[h:HAS_DESIGNATION]->(d:Designation) WHERE ${held} }`;
            },
          }
        : undefined;
    default:
      return hasProperty(kind, field) ? plain((v) => `n.${field} IN ${v}`) : undefined;
  }
}

/** The kinds placed in a city through LOCATED_IN a city or IN_PARK a park (derived-properties.ts locatedThroughParks). */
const LOCATED_THROUGH_PARKS = new Set(['Enterprise', 'Project', 'Organization']);

/**
 * The nodes of `kind` that lie in the cities `ids` (a variable), as `n`, found by walking down
 * from each city rather than by testing every node's placeIds (a scan of all projects: 0.1 s at
 * 100k nodes, ten times that at 1M): the place rule of the derivation run backwards (the cities
 * below, then what is LOCATED_IN them or IN_PARK a park there, through enclosing parks; for a park,
 * the parks LOCATED_IN them and the parks inside those), carrying the variables `carried` along.
 * The walk only narrows: `where` (over `n`) must include the city condition, which reads `city`,
 * the city walked from, so it is one membership test per node (placeIds deciding; any() over the
 * list of cities cost Grafeo 0.6 eight times as much). tests/seeding.test.ts checks the walk finds
 * every node whose placeIds name the city.
 * Null for the kinds placed otherwise (regions, and what is placed by what it concerns).
 */
export function walkFromCities(
  kind: string,
  ids: string,
  carried: readonly string[],
  where: readonly string[],
): string | null {
  // Carried through each DISTINCT: the conditions after the walk read them (Neo4j drops the others).
  const keep = carried.map((v) => `, ${v}`).join('');
  const below = `UNWIND ${ids} AS city
  MATCH (top:City) WHERE top.id = city
  MATCH (top)<-[:PART_OF*0..3]-(c:City)
  WITH DISTINCT c, city${keep}`;
  const kept = `WITH n, city${keep}${where.length ? ` WHERE ${where.join('\n    AND ')}` : ''}
  WITH DISTINCT n${keep}`;
  if (kind === 'Park')
    return `${below}
  MATCH (c)<-[:LOCATED_IN]-(:Park)<-[:PART_OF*0..3]-(n:Park)
  ${kept}`;
  if (!LOCATED_THROUGH_PARKS.has(kind)) return null;
  return `${below}
  CALL { WITH c MATCH (c)<-[:LOCATED_IN]-(n:${kind}) RETURN collect(n) AS direct }
  CALL { WITH c MATCH (c)<-[:LOCATED_IN]-(:Park)<-[:PART_OF*0..3]-(:Park)<-[:IN_PARK]-(n:${kind}) RETURN collect(n) AS viaParks }
  UNWIND direct + viaParks AS n
  ${kept}`;
}

export interface ListFilters {
  /** Every filter field of the kind's input. */
  fields: string[];
  /**
   * The conditions of the fields a request gives, over `n`: the cheap ones first, then in the order
   * of the input's fields. `oneCity` as in Condition.where.
   */
  where(value: FilterValue, oneCity?: string): string[];
}

/** The filters of one kind's list, from the fields of its filter input. */
export function listFilters(kind: string, fields: readonly string[]): ListFilters {
  const conditions: Condition[] = [];
  for (const field of fields) {
    const c = condition(kind, field);
    if (!c) throw new Error(`the ${kind} list's filter declares ${field}, which means nothing for a ${kind}`);
    // designation and designationStatus share one
    if (!conditions.some((known) => known.fields.includes(field))) conditions.push(c);
  }
  conditions.sort((a, b) => (a.cost ?? 0) - (b.cost ?? 0));
  return {
    fields: [...fields],
    where: (value, oneCity) =>
      conditions.filter((c) => c.fields.some((f) => value(f) !== null)).map((c) => c.where(value, oneCity)),
  };
}

/** Per kind with a list field: its filters. */
export const LIST_FILTERS: Record<string, ListFilters> = Object.fromEntries(
  listFields().map(({ kind, filters }) => [kind, listFilters(kind, filters)]),
);
