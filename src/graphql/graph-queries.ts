import { PREDICATE_NAMES } from '../knowledge/seed-schema.js';

/**
 * The Cypher the API runs: each a fixed, parameterised text, shared by both engines (user input
 * only ever arrives as parameters). The lint test parses every string exported here.
 */

/** Entities by id, in one round trip. */
export const ENTITIES_BY_ID = `
MATCH (n:Entity) WHERE n.id IN $ids
RETURN properties(n) AS node`;

/**
 * The relationships of many entities at once (one query per field per request level, never one
 * per row): optionally of some types, in one direction, to some kinds.
 */
export const RELATIONS_OF = `
UNWIND $ids AS sourceId
MATCH (a:Entity {id: sourceId})-[r]-(b:Entity)
WHERE type(r) IN $types AND ($kinds IS NULL OR b.kind IN $kinds)
WITH sourceId, r, b, startNode(r) = a AS outgoing
WHERE $direction = 'BOTH' OR (outgoing AND $direction = 'OUT') OR (NOT outgoing AND $direction = 'IN')
RETURN sourceId, properties(b) AS node, properties(r) AS rel, type(r) AS type, outgoing
ORDER BY sourceId, b.name, b.id`;

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

/** A city and everything under it (districts, counties), with the parks located there. */
export const PLACES_WITHIN = `
MATCH (top:Entity) WHERE top.id IN $ids
OPTIONAL MATCH (d:City)-[:PART_OF*0..3]->(top)
WITH collect(DISTINCT top.id) + collect(DISTINCT d.id) AS cityIds
OPTIONAL MATCH (p:Park)-[:LOCATED_IN|PART_OF|IN_PARK*1..2]->(c:Entity) WHERE c.id IN cityIds
WITH cityIds, collect(DISTINCT p.id) AS parkIds
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

/**
 * The entities of a kind at some places: linked to one of them by one of the given relationship
 * types, or one of them itself. Starts from the places, so it reads their neighbourhood only.
 */
export const ENTITIES_AT_PLACES = `
UNWIND $places AS placeId
MATCH (p:Entity {id: placeId})
CALL { WITH p MATCH (p)<-[r]-(n:Entity) WHERE n.kind = $kind AND type(r) IN $placeTypes RETURN collect(DISTINCT n.id) AS linked }
WITH collect(linked) AS linkedLists, collect(DISTINCT CASE WHEN p.kind = $kind THEN p.id END) AS own
RETURN reduce(acc = [], ids IN linkedLists | acc + ids) + own AS ids`;

/**
 * The filters of a list, every one optional: a null parameter switches it off. Relationship
 * types and kinds arrive as parameters from allow-lists.
 */
const LIST_FILTERS = `
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($document IS NULL OR $document IN n.evidenceDocs)
  AND ($parks IS NULL OR EXISTS { MATCH (n)-[r]->(p:Entity) WHERE p.id IN $parks AND type(r) IN $parkTypes })
  AND ($chains IS NULL OR EXISTS { MATCH (n)-[r]-(c:Entity) WHERE c.id IN $chains AND type(r) IN $chainTypes })
  AND ($issuers IS NULL OR EXISTS { MATCH (n)-[:ISSUED_BY]->(i:Entity) WHERE i.id IN $issuers })
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($minAmount IS NULL OR n.amountYi >= $minAmount)
  AND ($maxAmount IS NULL OR n.amountYi <= $maxAmount)
  AND ($policyType IS NULL OR n.policyType = $policyType)`;

/** After the filters: one page, keyset by id. */
const PAGE = `
  AND ($after IS NULL OR n.id > $after)
RETURN properties(n) AS node
ORDER BY n.id
LIMIT $limit`;

/** A kind: a scan of the kind's index. */
export const LIST_PAGE = `
MATCH (n:Entity)
WHERE n.kind = $kind${LIST_FILTERS}${PAGE}`;

export const LIST_COUNT = `
MATCH (n:Entity)
WHERE n.kind = $kind${LIST_FILTERS}
RETURN count(n) AS total`;

/** Among known ids (a place filter already narrowed them): index lookups, no scan of the kind. */
export const LIST_PAGE_AMONG = `
MATCH (n:Entity)
WHERE n.id IN $ids AND n.kind = $kind${LIST_FILTERS}${PAGE}`;

export const LIST_COUNT_AMONG = `
MATCH (n:Entity)
WHERE n.id IN $ids AND n.kind = $kind${LIST_FILTERS}
RETURN count(n) AS total`;

export const DOCUMENT_COUNTS = `
MATCH (d:Document)
OPTIONAL MATCH (n:Entity)-[:MENTIONED_IN]->(d)
WITH d, count(n) AS entities
OPTIONAL MATCH ()-[r]->() WHERE d.id IN r.evidenceDocs
RETURN d.id AS document, entities, count(r) AS relationships
ORDER BY document`;

/** One-character searches, which bigram full-text indexes cannot answer: a scan, bounded. */
export const SEARCH_BY_KEY = `
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds) AND n.searchText CONTAINS $text
RETURN properties(n) AS node
LIMIT 200`;

/**
 * Chain leadership, placed: the cities the leader is in (its own, its parks', else the city each
 * evidence document is about) and the anchor parks: parks it is in, plus parks in those cities
 * that carry the chain it leads (HAS_INDUSTRY). The first WHERE narrows to the asked places
 * cheaply before the placing work; the last one decides exactly. Property maps are collected, not nodes and
 * relationships: Grafeo 0.6 can return another relationship's properties for a collected one.
 */
export const CHAIN_LEADERS = `
MATCH (e:Enterprise)-[l:LEADS_CHAIN]->(c:IndustryChain)
WHERE $chains IS NULL OR c.id IN $chains
CALL { WITH e MATCH (e)-[ip:IN_PARK]->(p:Park) RETURN collect(DISTINCT properties(p)) AS ownParks, collect(DISTINCT properties(ip)) AS ownLinks }
CALL { WITH e MATCH (e)-[:IN_PARK]->(:Park)-[:LOCATED_IN]->(pc:City) RETURN collect(DISTINCT pc.id) AS parkCities }
CALL { WITH e MATCH (e)-[:LOCATED_IN]->(own:City) RETURN collect(DISTINCT own.id) AS ownCities }
CALL { WITH l UNWIND coalesce(l.evidenceDocs, []) AS docId MATCH (d:Document {id: docId})-[:DESCRIBES]->(dc:City) RETURN collect(DISTINCT dc.id) AS docCities }
WITH e, l, c, ownParks, ownLinks, ownCities + parkCities + docCities AS cities
WHERE $places IS NULL OR any(x IN cities WHERE x IN $places)
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
 * Projects with what the summary groups them by: the prefecture-level city the text places them
 * in (else the city their document is about), chains, status, documents. A city filter also
 * matches the county or district the text names (namedCities), not only its prefecture.
 */
export const PROJECT_FACTS = `
OPTIONAL MATCH (pd:Document)-[:DESCRIBES]->(pdc:City) WHERE pdc.id IN coalesce($places, [])
WITH collect(pd.id) AS placeDocs
MATCH (p:Project)
WHERE ($places IS NULL
       OR any(d IN p.evidenceDocs WHERE d IN placeDocs)
       OR EXISTS { MATCH (p)-[:LOCATED_IN|IN_PARK]->(x:Entity) WHERE x.id IN $places })
  AND ($chains IS NULL OR EXISTS { MATCH (p)-[:PART_OF_CHAIN]->(ch:IndustryChain) WHERE ch.id IN $chains })
OPTIONAL MATCH (p)-[:LOCATED_IN|IN_PARK*1..2]->(c:City)
OPTIONAL MATCH (c)-[:PART_OF*0..2]->(top:City) WHERE top.level = 'prefecture'
WITH p, collect(DISTINCT coalesce(top.id, c.id)) AS statedCities, collect(DISTINCT c.id) AS namedCities
CALL {
  WITH p
  UNWIND p.evidenceDocs AS docId
  MATCH (:Entity {id: docId})-[:DESCRIBES]->(dc:City)
  RETURN collect(DISTINCT dc.id) AS docCities
}
WITH p, namedCities, CASE WHEN size(statedCities) > 0 THEN statedCities ELSE docCities END AS cities
OPTIONAL MATCH (p)-[:PART_OF_CHAIN]->(ch:IndustryChain)
WITH p, namedCities, cities, collect(DISTINCT ch.id) AS chains
WHERE ($places IS NULL OR any(x IN cities + namedCities WHERE x IN $places))
  AND ($chains IS NULL OR any(x IN chains WHERE x IN $chains))
RETURN properties(p) AS project, cities, chains
ORDER BY p.id`;
