/**
 * The Cypher of the list fields (cities, parks, …): per kind, fixed parameterised texts with one
 * condition per field of the kind's filter input (schema/query.graphql), so the SDL says which
 * filters a kind has and this module says what each means; a filter field with no meaning for its
 * kind fails at startup (and in src/graphql/list-queries.test.ts), never at run time.
 *
 * The place, park and chain filters read the lists every node carries (placeIds, parkIds,
 * chainIds; src/knowledge/derived-properties.ts): one reading of the place rule for every kind,
 * shared with chainLeaders and investmentSummary (inPlaces below). A filter not given is a null
 * parameter; Grafeo 0.6 evaluates both sides of `$x IS NULL OR …` for every row, which costs
 * little for these property tests but a subquery per row for the relationship filters (issuer,
 * designation), so those are only in each kind's "related" texts, used when one of them is set.
 * The Cypher lint test lints every exported text; tests/cypher-snapshots.test.ts pins them.
 */
import { hasDerived } from '../knowledge/derived-properties.js';
import { allows, kindPropertyNames, type EntityKind } from '../knowledge/seed-schema.js';
import { listFields } from './relation-model.js';

/** The one test of "in one of these cities" (a derived placeIds list holds every city at any level above). */
export const inPlaces = (variable: string, param: string) => `any(x IN ${variable}.placeIds WHERE x IN $${param})`;
/** In one of these parks or a park inside them. */
export const inParks = (variable: string, param: string) => `any(x IN ${variable}.parkIds WHERE x IN $${param})`;
/** Of one of these chains or a sub-chain of them. */
export const ofChains = (variable: string, param: string) => `any(x IN ${variable}.chainIds WHERE x IN $${param})`;

interface Condition {
  /** A boolean over the node `n`, reading its parameters. */
  where: string;
  /** The parameters that switch it on: the condition holds when all of them are null. */
  params: string[];
  /** A subquery per row: kept out of the kind's plain texts. */
  related?: boolean;
}

const isKind = (kind: string): kind is EntityKind => kind !== 'Document';
const hasProperty = (kind: string, property: string) => isKind(kind) && kindPropertyNames(kind).includes(property);
const holdsDesignations = (kind: string) => isKind(kind) && allows('HAS_DESIGNATION', kind, 'Designation');
const isIssued = (kind: string) => isKind(kind) && allows('ISSUED_BY', kind, 'Organization');

/**
 * What each filter field means for a kind, or undefined when it means nothing for it. A field
 * named after a vocabulary property of the kind (level, parkType, policyType …) keeps the nodes
 * whose property is one of the values.
 */
function condition(kind: string, field: string): Condition | undefined {
  const plain = (where: string): Condition => ({ where, params: [field] });
  switch (field) {
    case 'nameContains':
      return plain('n.searchText CONTAINS $nameContains');
    case 'document':
      return plain('$document IN n.evidenceDocs');
    case 'city':
      return hasDerived(kind, 'placeIds') ? plain(inPlaces('n', 'city')) : undefined;
    case 'park':
      return hasDerived(kind, 'parkIds') ? plain(inParks('n', 'park')) : undefined;
    case 'chain':
      return hasDerived(kind, 'chainIds') ? plain(ofChains('n', 'chain')) : undefined;
    case 'docNumber':
      return hasProperty(kind, 'docNumber') ? plain('n.docNumber = $docNumber') : undefined;
    case 'metric':
      return hasProperty(kind, 'metric') ? plain('toLower(n.metric) CONTAINS $metric') : undefined;
    case 'year':
      return hasProperty(kind, 'year') ? plain('n.year = $year') : undefined;
    case 'target':
      return kind === 'Indicator' ? plain("(n.status = 'target') = $target") : undefined;
    case 'minAmountYi':
      return hasProperty(kind, 'amountYi') ? plain('n.amountYi >= $minAmountYi') : undefined;
    case 'maxAmountYi':
      return hasProperty(kind, 'amountYi') ? plain('n.amountYi <= $maxAmountYi') : undefined;
    case 'status':
      // A designation's status is its holders': held so, by something in the city and park filtered on.
      if (kind === 'Designation')
        return {
          where: `EXISTS { MATCH (n)<-[h:HAS_DESIGNATION]-(holder:Entity) WHERE h.status IN $status AND ($city IS NULL OR ${inPlaces('holder', 'city')}) AND ($park IS NULL OR ${inParks('holder', 'park')}) }`,
          params: ['status'],
          related: true,
        };
      // A park's or policy's own status is optional in the seeds: absent means existing.
      if (kind === 'Park' || kind === 'Policy') return plain("coalesce(n.status, 'existing') IN $status");
      return hasProperty(kind, 'status') ? plain('n.status IN $status') : undefined;
    case 'issuer':
      return isIssued(kind)
        ? {
            where: 'EXISTS { MATCH (n)-[:ISSUED_BY]->(i:Entity) WHERE i.id IN $issuer }',
            params: [field],
            related: true,
          }
        : undefined;
    case 'designation':
    case 'designationStatus':
      return holdsDesignations(kind)
        ? {
            where:
              'EXISTS { MATCH (n)-[h:HAS_DESIGNATION]->(d:Designation) WHERE ($designation IS NULL OR d.id IN $designation) AND ($designationStatus IS NULL OR h.status IN $designationStatus) }',
            params: ['designation', 'designationStatus'],
            related: true,
          }
        : undefined;
    default:
      return hasProperty(kind, field) ? plain(`n.${field} IN $${field}`) : undefined;
  }
}

/**
 * After the filters: one page, keyset by id. Sorted and cut before the property maps are built
 * (building them for every match first made a page of 20 enterprises cost 0.8 s at 100k nodes).
 */
const PAGE = `
  AND ($after IS NULL OR n.id > $after)
WITH n ORDER BY n.id LIMIT $limit
RETURN properties(n) AS node`;

const COUNT = `
RETURN count(n) AS total`;

export interface ListQueries {
  page: string;
  count: string;
  /** With the relationship filters too; absent when the kind has none. */
  relatedPage?: string;
  relatedCount?: string;
}

export interface ListFilters {
  /** Every filter field of the kind's input, as the parameters its texts read. */
  fields: string[];
  /** The fields whose conditions are relationship subqueries (issuer, designation …). */
  related: string[];
  queries: ListQueries;
}

/** The texts and filters of one kind's list, from the fields of its filter input. */
export function listFilters(kind: string, fields: readonly string[]): ListFilters {
  const conditions = new Map<string, Condition>();
  for (const field of fields) {
    const c = condition(kind, field);
    if (!c) throw new Error(`the ${kind} list's filter declares ${field}, which means nothing for a ${kind}`);
    conditions.set(c.where, c); // designation and designationStatus share one
  }
  const clause = (c: Condition) => `\n  AND (${c.params.map((p) => `$${p} IS NULL`).join(' AND ')} OR ${c.where})`;
  const plain = [...conditions.values()]
    .filter((c) => !c.related)
    .map(clause)
    .join('');
  const related = [...conditions.values()]
    .filter((c) => c.related)
    .map(clause)
    .join('');
  const match = `\nMATCH (n:${kind})\nWHERE true${plain}`;
  const queries: ListQueries = { page: match + PAGE, count: match + COUNT };
  if (related) {
    queries.relatedPage = match + related + PAGE;
    queries.relatedCount = match + related + COUNT;
  }
  return {
    fields: [...fields],
    related: fields.filter((f) => condition(kind, f)?.related === true),
    queries,
  };
}

/** Per kind with a list field: its filters and texts. */
export const LIST_FILTERS: Record<string, ListFilters> = Object.fromEntries(
  listFields().map(({ kind, filters }) => [kind, listFilters(kind, filters)]),
);
