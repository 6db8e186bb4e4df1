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

/** Resolves an id, name or alias (already normalised) to entity ids of the given kinds. */
export const RESOLVE_REFERENCE = `
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND (n.id = $ref OR n.name = $raw OR $raw IN n.aliases OR $key IN n.nameKeys)
RETURN n.id AS id, n.kind AS kind
ORDER BY n.id`;

/** A city and everything under it (districts, counties), with the parks located there. */
export const PLACES_WITHIN = `
MATCH (top:Entity) WHERE top.id IN $ids
OPTIONAL MATCH (d:City)-[:PART_OF*0..3]->(top)
WITH collect(DISTINCT top.id) + collect(DISTINCT d.id) AS cityIds
OPTIONAL MATCH (p:Park)-[:LOCATED_IN|PART_OF|IN_PARK*1..2]->(c:Entity) WHERE c.id IN cityIds
WITH cityIds, collect(DISTINCT p.id) AS parkIds
RETURN cityIds + parkIds AS places`;

/**
 * One page of a list, with every filter optional. A null parameter switches its filter off;
 * relationship types and kinds arrive as parameters from allow-lists.
 */
const LIST_WHERE = `
WHERE n.kind = $kind
  AND ($text IS NULL OR n.searchText CONTAINS $text)
  AND ($document IS NULL OR $document IN n.evidenceDocs)
  AND ($places IS NULL OR n.id IN $places
       OR EXISTS { MATCH (n)-[r]->(p:Entity) WHERE p.id IN $places AND type(r) IN $placeTypes })
  AND ($parks IS NULL OR EXISTS { MATCH (n)-[r]->(p:Entity) WHERE p.id IN $parks AND type(r) IN $parkTypes })
  AND ($chains IS NULL OR EXISTS { MATCH (n)-[r]-(c:Entity) WHERE c.id IN $chains AND type(r) IN $chainTypes })
  AND ($issuers IS NULL OR EXISTS { MATCH (n)-[:ISSUED_BY]->(i:Entity) WHERE i.id IN $issuers })
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($minAmount IS NULL OR n.amountYi >= $minAmount)
  AND ($maxAmount IS NULL OR n.amountYi <= $maxAmount)
  AND ($policyType IS NULL OR n.policyType = $policyType)`;

export const LIST_PAGE = `
MATCH (n:Entity)${LIST_WHERE}
  AND ($after IS NULL OR n.id > $after)
RETURN properties(n) AS node
ORDER BY n.id
LIMIT $limit`;

export const LIST_COUNT = `
MATCH (n:Entity)${LIST_WHERE}
RETURN count(n) AS total`;

export const DOCUMENT_COUNTS = `
MATCH (d:Document)
OPTIONAL MATCH (n:Entity)-[:MENTIONED_IN]->(d)
WITH d, count(n) AS entities
OPTIONAL MATCH ()-[r]->() WHERE d.id IN r.evidenceDocs
RETURN d.id AS document, entities, count(r) AS relationships
ORDER BY document`;
