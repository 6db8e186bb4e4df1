/**
 * The Cypher of the list fields (cities, parks, …): fixed, parameterised texts, with the
 * relationship filters of each kind written in from its @relation fields (relation-model.ts).
 * Filters pick one of a few texts rather than switching clauses off with nulls where it costs:
 * Grafeo 0.6 evaluates both sides of `$x IS NULL OR …` for every row, so the relationship filters
 * (park, chain, issuer), which run a subquery per row, get texts of their own. The Cypher lint
 * test lints every exported text.
 */
import { NODE_LABELS } from '../knowledge/seed-schema.js';
import { arrow, filterRelations, type RelationFilter } from './relation-model.js';

/** The relationship filters a list may combine, and the parameter each reads its ids from. */
export const RELATIONSHIP_FILTERS = { PARK: 'parks', CHAIN: 'chains', ISSUER: 'issuers' } as const satisfies Partial<
  Record<RelationFilter, string>
>;

const PROPERTY_FILTERS = `
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($document IS NULL OR $document IN n.evidenceDocs)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($minAmount IS NULL OR n.amountYi >= $minAmount)
  AND ($maxAmount IS NULL OR n.amountYi <= $maxAmount)
  AND ($policyType IS NULL OR n.policyType = $policyType)`;

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

/** A kind: a scan of the kind's index. */
const OF_KIND = `
MATCH (n:Entity)
WHERE n.kind = $kind`;

/** Among known, distinct ids (a place filter already narrowed them): one index seek per id. */
const AMONG = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.kind = $kind`;

export const LIST_PAGE = OF_KIND + PROPERTY_FILTERS + PAGE;
export const LIST_COUNT = OF_KIND + PROPERTY_FILTERS + COUNT;
export const LIST_PAGE_AMONG = AMONG + PROPERTY_FILTERS + PAGE;
export const LIST_COUNT_AMONG = AMONG + PROPERTY_FILTERS + COUNT;

/** The relationship filters a kind answers (its @relation fields marked with them). */
export function relationshipFiltersOf(kind: string): Array<keyof typeof RELATIONSHIP_FILTERS> {
  return (Object.keys(RELATIONSHIP_FILTERS) as Array<keyof typeof RELATIONSHIP_FILTERS>).filter(
    (filter) => filterRelations(kind, filter).length > 0,
  );
}

/** One filter of a kind: an entity passes when it has such a relationship to one of the ids. */
function relationshipFilter(kind: string, filter: keyof typeof RELATIONSHIP_FILTERS): string {
  const param = RELATIONSHIP_FILTERS[filter];
  const alternatives = filterRelations(kind, filter).map(
    ({ direction, types }) => `EXISTS { MATCH (n)${arrow(direction, types)}(f:Entity) WHERE f.id IN $${param} }`,
  );
  return `
  AND ($${param} IS NULL OR ${alternatives.join(' OR ')})`;
}

export interface RelatedListQueries {
  page: string;
  count: string;
  pageAmong: string;
  countAmong: string;
}

/** Per kind with relationship filters: its texts with them (used only when one of them is set). */
export const RELATED_LIST_QUERIES: Record<string, RelatedListQueries> = Object.fromEntries(
  NODE_LABELS.flatMap((kind) => {
    const filters = relationshipFiltersOf(kind);
    if (filters.length === 0) return [];
    const related = filters.map((f) => relationshipFilter(kind, f)).join('');
    const queries: RelatedListQueries = {
      page: OF_KIND + PROPERTY_FILTERS + related + PAGE,
      count: OF_KIND + PROPERTY_FILTERS + related + COUNT,
      pageAmong: AMONG + PROPERTY_FILTERS + related + PAGE,
      countAmong: AMONG + PROPERTY_FILTERS + related + COUNT,
    };
    return [[kind, queries]];
  }),
);

/**
 * The projects at some places, instead of the generic text below: a project is in a city exactly when
 * the city is among its derived `placeIds` (cypher/950_derived.cypher), the very facts
 * investmentSummary groups by, so the list filtered by a city and the summary for it count the
 * same projects. ($places also holds the parks of the city; their projects have the city in
 * placeIds already.)
 */
const PROJECTS_AT_PLACES = `
MATCH (n:Project) WHERE any(c IN n.placeIds WHERE c IN $places)
RETURN collect(n.id) AS ids`;

/**
 * The entities of a kind at some places (a city with everything under it, references.ts): linked
 * to one of them by the kind's CITY relationships, or one of them itself. One text per kind that
 * can be placed, its types and label in the patterns, which start from the places, so it reads
 * their neighbourhood only.
 */
export const ENTITIES_AT_PLACES: Record<string, string> = Object.fromEntries(
  NODE_LABELS.flatMap((kind): Array<[string, string]> => {
    if (kind === 'Project') return [[kind, PROJECTS_AT_PLACES]];
    const groups = filterRelations(kind, 'CITY');
    if (groups.length === 0 && kind !== 'City') return [];
    // Seen from the place: a relationship pointing away from the entity points towards the place.
    const fromPlace = { OUT: 'IN', IN: 'OUT', BOTH: 'BOTH' } as const;
    const linked = groups.map(
      ({ direction, types }, i) =>
        `CALL { WITH p MATCH (p)${arrow(fromPlace[direction], types)}(n:${kind}) RETURN collect(DISTINCT n.id) AS linked${i} }`,
    );
    const lists = groups.map((_, i) => `linked${i}`);
    const query = `
UNWIND $places AS placeId
MATCH (p:Entity {id: placeId})
${linked.join('\n')}
WITH collect(${lists.length ? lists.join(' + ') : '[]'}) AS linkedLists, collect(DISTINCT CASE WHEN p.kind = $kind THEN p.id END) AS own
RETURN reduce(acc = [], ids IN linkedLists | acc + ids) + own AS ids`;
    return [[kind, query]];
  }),
);
