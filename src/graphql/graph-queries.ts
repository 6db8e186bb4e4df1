import { PREDICATE_NAMES } from '../knowledge/seed-schema.js';
import { FILTER_RELATIONS } from './list-filters.js';
import { RELATION_FIELDS } from './relation-fields.js';

/**
 * The Cypher the API runs: each a fixed, parameterised text, shared by both engines (user input
 * only ever arrives as parameters). The lint test parses every string exported here.
 */

/** Entities by id (distinct: DataLoader keys), in one round trip: one index seek per id. */
export const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN properties(n) AS node`;

type Direction = 'OUT' | 'IN' | 'BOTH';

/**
 * The relationships of many entities at once (one query per field per request level, never one
 * per row), to some kinds, sorted before any property map is built. The direction is written in
 * the pattern (the engine then expands one way only), and so are the relationship types where
 * they are known in advance: Grafeo 0.6 expands a typed pattern about a third faster than an
 * untyped one filtered on type(r). Types come from relation-fields.ts, never from a request.
 */
function relationsQuery(direction: Direction, types: string | null, returns: string): string {
  const rel = types ? `[r:${types}]` : '[r]';
  const pattern = direction === 'OUT' ? `-${rel}->` : direction === 'IN' ? `<-${rel}-` : `-${rel}-`;
  const outgoing = direction === 'OUT' ? 'true' : direction === 'IN' ? 'false' : 'startNode(r) = a';
  return `
UNWIND $ids AS sourceId
MATCH (a:Entity {id: sourceId})${pattern}(b:Entity)
WHERE ${types ? '' : 'type(r) IN $types AND '}b.kind IN $kinds
WITH sourceId, a, r, b ORDER BY sourceId, b.name, b.id
RETURN sourceId, ${returns}, type(r) AS type, ${outgoing} AS outgoing`;
}

/** With the neighbour's and the relationship's properties (the relations field, with evidence). */
const WITH_PROPERTIES = 'properties(b) AS node, properties(r) AS rel';
/** With only the neighbour properties $keys names, as a list in that order (typed relation fields). */
const WITH_PICKED = '[k IN $keys | b[k]] AS values';

/** Any relationship types ($types), every property: the relations field. */
export const RELATIONS: Record<Direction, string> = {
  OUT: relationsQuery('OUT', null, WITH_PROPERTIES),
  IN: relationsQuery('IN', null, WITH_PROPERTIES),
  BOTH: relationsQuery('BOTH', null, WITH_PROPERTIES),
};

/** The key of a typed relation query: direction and sorted types. */
export const relationKey = (direction: Direction, types: readonly string[]) =>
  `${direction} ${[...types].sort().join('|')}`;

/** One text per relation field of relation-fields.ts (and Document.entities), picked properties. */
export const RELATED_TYPED: Record<string, string> = Object.fromEntries(
  [
    ...Object.values(RELATION_FIELDS).flatMap((fields) => Object.values(fields)),
    { types: ['MENTIONED_IN'], direction: 'IN' as const },
  ].map((spec) => {
    const key = relationKey(spec.direction, spec.types);
    return [key, relationsQuery(spec.direction, [...spec.types].sort().join('|'), WITH_PICKED)];
  }),
);

/**
 * An entity by id (an index lookup). Written as WHERE n.id = $ref AND …: Grafeo 0.6 drops the
 * index for a property-map pattern followed by a WHERE (21 ms instead of 0.07 ms at 100k nodes).
 */
export const REFERENCE_BY_ID = `
MATCH (n:Entity) WHERE n.id = $ref AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id`;

/** Entities by canonical name (an index lookup); aliases go through the full-text index instead. */
export const REFERENCE_BY_NAME = `
MATCH (n:Entity) WHERE n.name = $ref AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id
ORDER BY id`;

/** Candidates from the full-text index whose name keys contain the key exactly. */
export const MATCH_NAME_KEY = `
MATCH (n:Entity) WHERE n.id IN $ids AND $key IN n.nameKeys AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id
ORDER BY id`;

/**
 * A city and everything under it (districts, counties), with the parks located there and their
 * sub-parks. Each pattern starts at a bound place and names its relationship types hop by hop:
 * a two-hop variable-length pattern from a city walked every enterprise and project located in
 * it on the way to the parks (twice as slow at 100k nodes).
 */
export const PLACES_WITHIN = `
UNWIND $ids AS topId
MATCH (top:Entity {id: topId})
CALL { WITH top MATCH (top)<-[:PART_OF*0..3]-(d:City) RETURN collect(DISTINCT d.id) AS below }
WITH collect(DISTINCT top.id) AS tops, collect(below) AS belows
WITH reduce(acc = tops, b IN belows | acc + [x IN b WHERE NOT x IN acc]) AS cityIds
CALL { WITH cityIds
  UNWIND cityIds AS cityId
  MATCH (:Entity {id: cityId})<-[:LOCATED_IN|PART_OF|IN_PARK]-(p:Park)
  CALL { WITH p MATCH (p)<-[:LOCATED_IN|PART_OF|IN_PARK]-(sub:Park) RETURN collect(sub.id) AS subs }
  RETURN collect(DISTINCT p.id) AS direct, collect(subs) AS subLists }
WITH cityIds, reduce(acc = direct, s IN subLists | acc + [x IN s WHERE NOT x IN acc]) AS parkIds
RETURN cityIds + parkIds AS places`;

/** Which of the given entities are cities. */
export const CITIES_AMONG = `
MATCH (n:Entity) WHERE n.id IN $ids AND n.kind = 'City'
RETURN n.id AS id`;

/** A city stands for itself and for the bodies located in it (its government, bureaus …) as an issuer. */
export const ISSUERS_IN = `
MATCH (i:Entity) WHERE i.id IN $ids
OPTIONAL MATCH (o:Organization)-[:LOCATED_IN]->(c:City) WHERE c.id IN $ids
RETURN collect(DISTINCT i.id) + collect(DISTINCT o.id) AS issuers`;

function linkedTo(kind: string, types: string[]): string {
  if (types.length === 0) return 'WITH p, [] AS linkedTo';
  return `CALL { WITH p MATCH (p)<-[:${types.join('|')}]-(n:${kind}) RETURN collect(DISTINCT n.id) AS linkedTo }`;
}

function linkedFrom(kind: string, types: string[]): string {
  if (types.length === 0) return 'WITH p, linkedTo, [] AS linkedFrom';
  return `CALL { WITH p MATCH (p)-[:${types.join('|')}]->(n:${kind}) RETURN collect(DISTINCT n.id) AS linkedFrom }`;
}

/**
 * The entities of a kind at some places: linked to one of them by one of the kind's place
 * relationships (list-filters.ts), or one of them itself. One text per kind, its types and label
 * in the patterns, which start from the places, so it reads their neighbourhood only.
 */
export const ENTITIES_AT_PLACES: Record<string, string> = Object.fromEntries(
  Object.entries(FILTER_RELATIONS).map(([kind, rel]) => {
    const query = `
UNWIND $places AS placeId
MATCH (p:Entity {id: placeId})
${linkedTo(kind, rel.place)}
${linkedFrom(kind, rel.fromPlace ?? [])}
WITH collect(linkedTo + linkedFrom) AS linkedLists, collect(DISTINCT CASE WHEN p.kind = $kind THEN p.id END) AS own
RETURN reduce(acc = [], ids IN linkedLists | acc + ids) + own AS ids`;
    return [kind, query];
  }),
);

/**
 * The projects at some places: a project is in a city exactly when the city is among its derived
 * `placeIds` (cypher/950_derived.cypher), the very facts investmentSummary groups by, so the list
 * filtered by a city and the summary for it count the same projects. ($places also holds the
 * parks of the city; their projects have the city in placeIds already.)
 */
export const PROJECTS_AT_PLACES = `
MATCH (n:Project) WHERE any(c IN n.placeIds WHERE c IN $places)
RETURN collect(n.id) AS ids`;

/**
 * The filters of a list, every one optional: a null parameter switches it off. Property filters
 * cost little per row; the relationship filters (park, chain, issuer) run a subquery per row
 * even when switched off (Grafeo 0.6 evaluates both sides of an OR), so they get texts of their
 * own, used only when one of them is set. Relationship types arrive from allow-lists.
 */
const PROPERTY_FILTERS = `
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($document IS NULL OR $document IN n.evidenceDocs)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($minAmount IS NULL OR n.amountYi >= $minAmount)
  AND ($maxAmount IS NULL OR n.amountYi <= $maxAmount)
  AND ($policyType IS NULL OR n.policyType = $policyType)`;

const RELATIONSHIP_FILTERS = `
  AND ($parks IS NULL OR EXISTS { MATCH (n)-[r]->(p:Entity) WHERE p.id IN $parks AND type(r) IN $parkTypes })
  AND ($chains IS NULL OR EXISTS { MATCH (n)-[r]-(c:Entity) WHERE c.id IN $chains AND type(r) IN $chainTypes })
  AND ($issuers IS NULL OR EXISTS { MATCH (n)-[:ISSUED_BY]->(i:Entity) WHERE i.id IN $issuers })`;

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
export const LIST_PAGE_RELATED = OF_KIND + PROPERTY_FILTERS + RELATIONSHIP_FILTERS + PAGE;
export const LIST_COUNT_RELATED = OF_KIND + PROPERTY_FILTERS + RELATIONSHIP_FILTERS + COUNT;
export const LIST_PAGE_AMONG = AMONG + PROPERTY_FILTERS + PAGE;
export const LIST_COUNT_AMONG = AMONG + PROPERTY_FILTERS + COUNT;
export const LIST_PAGE_AMONG_RELATED = AMONG + PROPERTY_FILTERS + RELATIONSHIP_FILTERS + PAGE;
export const LIST_COUNT_AMONG_RELATED = AMONG + PROPERTY_FILTERS + RELATIONSHIP_FILTERS + COUNT;

export const DOCUMENT_COUNTS = `
MATCH (d:Document)
OPTIONAL MATCH (n:Entity)-[:MENTIONED_IN]->(d)
WITH d, count(n) AS entities
OPTIONAL MATCH ()-[r]->() WHERE d.id IN r.evidenceDocs
RETURN d.id AS document, entities, count(r) AS relationships
ORDER BY document`;

/**
 * What search ranks candidates by, for the full-text index's hits: a few properties, not whole
 * nodes (only the page it returns is loaded whole). $kinds is every kind when not filtered.
 */
export const SEARCH_CANDIDATES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.kind IN $kinds
RETURN n.id AS id, n.name AS name, n.nameKeys AS nameKeys`;

/** One-character searches, which bigram full-text indexes cannot answer: a scan, bounded. */
export const SEARCH_BY_KEY = `
MATCH (n:Entity)
WHERE n.kind IN $kinds AND n.searchText CONTAINS $text
RETURN n.id AS id, n.name AS name, n.nameKeys AS nameKeys
LIMIT 200`;

/**
 * Chain leadership, placed: the cities the leader is in (its own, its parks', else the city each
 * evidence document is about) and the anchor parks: parks it is in, plus parks in those cities
 * that carry the chain it leads (HAS_INDUSTRY). The cities come first, from ids only, so the
 * place filter drops most leaders before any park or property map is gathered (twice as fast at
 * 100k nodes). Property maps are collected, not nodes and relationships: Grafeo 0.6 can return
 * another relationship's properties for a collected one.
 */
export const CHAIN_LEADERS = `
MATCH (e:Enterprise)-[l:LEADS_CHAIN]->(c:IndustryChain)
WHERE $chains IS NULL OR c.id IN $chains
CALL { WITH e MATCH (e)-[:IN_PARK]->(:Park)-[:LOCATED_IN]->(pc:City) RETURN collect(DISTINCT pc.id) AS parkCities }
CALL { WITH e MATCH (e)-[:LOCATED_IN]->(own:City) RETURN collect(DISTINCT own.id) AS ownCities }
CALL { WITH l UNWIND coalesce(l.evidenceDocs, []) AS docId MATCH (d:Document {id: docId})-[:DESCRIBES]->(dc:City) RETURN collect(DISTINCT dc.id) AS docCities }
WITH e, l, c, ownCities + parkCities + docCities AS cities
WHERE $places IS NULL OR any(x IN cities WHERE x IN $places)
CALL { WITH e MATCH (e)-[ip:IN_PARK]->(p:Park) RETURN collect(DISTINCT properties(p)) AS ownParks, collect(DISTINCT properties(ip)) AS ownLinks }
CALL { WITH c, cities
  MATCH (c)<-[hi:HAS_INDUSTRY]-(hp:Park)
  WHERE EXISTS { MATCH (hp)-[:LOCATED_IN]->(:City)-[:PART_OF*0..2]->(x:City) WHERE x.id IN cities }
  RETURN collect(DISTINCT properties(hp)) AS hostParks, collect(DISTINCT properties(hi)) AS hostLinks }
WITH e, l, c, ownParks + hostParks AS parks, ownLinks + hostLinks AS parkLinks, cities
WHERE $parks IS NULL OR any(p IN parks WHERE p.id IN $parks)
RETURN properties(e) AS enterprise, properties(c) AS chain, properties(l) AS leads, parks, parkLinks, cities
ORDER BY c.name, e.name`;

/**
 * The relationship types a path between entities may use: every fact, no document links. They
 * are named in the pattern, not filtered after it: Grafeo (0.6) applies a WHERE on a
 * shortest-path's relationships after the search, Neo4j during it, so only this form agrees.
 */
const PATH_TYPES = [...PREDICATE_NAMES].sort().join('|');

/** All shortest paths up to 6 hops through facts; the caller's maxHops filters further. */
export const SHORTEST_PATHS = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${PATH_TYPES}*..6]-(b))
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | properties(n)] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, props: properties(r)}] AS rels
LIMIT $limit`;

/**
 * investmentSummary, aggregated in the database: one row per group with its totals and the ids
 * of the projects behind them. Reads the properties cypher/950_derived.cypher sets on every
 * project (cityIds, placeIds, chainIds; see src/knowledge/derived-properties.ts). evidenceDocs
 * repeats a document per quote, hence the reduce. A project with nothing to group by (no chain,
 * no status) falls into the null group.
 */
const SUMMARY_GROUPS = `
WITH p, CASE $groupBy WHEN 'CITY' THEN p.cityIds WHEN 'CHAIN' THEN p.chainIds WHEN 'STATUS' THEN [p.status]
  ELSE reduce(docs = [], d IN p.evidenceDocs | CASE WHEN d IN docs THEN docs ELSE docs + [d] END) END AS keys
UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
WITH key, count(p) AS projectCount, sum(p.amountYi) AS total, count(p.amountYi) AS withAmount, collect(p.id) AS projectIds
CALL { WITH key MATCH (g:Entity) WHERE g.id = key RETURN collect(g.name) AS names }
RETURN key, names[0] AS label, projectCount, total, withAmount, projectIds`;

/**
 * The projects a summary covers. One text per combination of filters rather than nullable
 * parameters: Grafeo 0.6 evaluates both sides of `$x IS NULL OR …` for every row. A city
 * matches its districts' and counties' projects too (placeIds lists every city above a project).
 */
export const PROJECT_SUMMARY = `
MATCH (p:Project)${SUMMARY_GROUPS}`;

export const PROJECT_SUMMARY_IN_CITIES = `
UNWIND $cities AS city
MATCH (p:Project) WHERE city IN p.placeIds
WITH DISTINCT p${SUMMARY_GROUPS}`;

export const PROJECT_SUMMARY_OF_CHAINS = `
UNWIND $chains AS chain
MATCH (p:Project) WHERE chain IN p.chainIds
WITH DISTINCT p${SUMMARY_GROUPS}`;

export const PROJECT_SUMMARY_IN_CITIES_OF_CHAINS = `
UNWIND $cities AS city
MATCH (p:Project) WHERE city IN p.placeIds
WITH DISTINCT p
WHERE any(chain IN $chains WHERE chain IN p.chainIds)${SUMMARY_GROUPS}`;
