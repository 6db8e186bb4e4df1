/**
 * Properties derived from the facts at seed time, so that a summary over thousands of projects
 * reads one list property per project instead of walking the place hierarchy for each of them on
 * every request (at 100k nodes that walk cost 0.5–0.8 s per investmentSummary on the embedded engine),
 * and chainLeaders(city) reads one list per leadership instead of three subqueries (at 1M nodes
 * those cost 0.2 s).
 *
 * They are not facts and carry no evidence: the relationships they summarise do. The seed file
 * that sets them runs after every data file, and each document file replaces the whole property
 * map of the nodes it writes, so applying the seeds again always recomputes them.
 */

export const DERIVED_FILE = '950_derived.cypher';

/**
 * Every derived property, by the label or relationship type it is set on: the Browser guide lists
 * them, and the API leaves the relationship ones out of a relationship's own properties.
 */
export const DERIVED_PROPERTIES = {
  Project: ['cityIds', 'placeIds', 'chainIds'],
  Park: ['designations'],
  LEADS_CHAIN: ['namedCityIds', 'placeIds'],
} as const satisfies Record<string, readonly string[]>;

/**
 * On every Project, from its place facts (any status) as the place rule of seeds/README.md has
 * them: LOCATED_IN a city, or IN_PARK a park that is (through PART_OF parks) LOCATED_IN one.
 * - `cityIds`: the prefecture-level cities of those cities (a city with no prefecture above it
 *   stands for itself): what investmentSummary groups by CITY. Empty for a project that reaches
 *   no city: a place the text only implies is an inferred fact, never a silent default.
 * - `placeIds`: those cities and every city above them (up to three PART_OF hops): a project is
 *   "in" a city exactly when the city is in this list (the projects list filter reads it too).
 * - `chainIds`: the chains it is PART_OF_CHAIN of and every chain above them (PART_OF).
 */
export const PROJECT_DERIVED_PROPERTIES = `
MATCH (p:Project)
CALL { WITH p MATCH (p)-[:LOCATED_IN]->(c:City) RETURN collect(DISTINCT c.id) AS direct }
CALL { WITH p MATCH (p)-[:IN_PARK]->(:Park)-[:PART_OF*0..3]->(:Park)-[:LOCATED_IN]->(c:City) RETURN collect(DISTINCT c.id) AS viaParks }
WITH p, direct + [x IN viaParks WHERE NOT x IN direct] AS namedCities
CALL { WITH namedCities
  UNWIND namedCities AS cityId
  MATCH (c:City {id: cityId})
  CALL { WITH c MATCH (c)-[:PART_OF*0..2]->(top:City) WHERE top.level = 'prefecture' RETURN collect(DISTINCT top.id) AS tops }
  UNWIND CASE WHEN size(tops) = 0 THEN [c.id] ELSE tops END AS city
  RETURN collect(DISTINCT city) AS cities }
CALL { WITH namedCities
  UNWIND namedCities AS cityId
  MATCH (:City {id: cityId})-[:PART_OF*0..3]->(up:City)
  RETURN collect(DISTINCT up.id) AS placeIds }
CALL { WITH p MATCH (p)-[:PART_OF_CHAIN]->(:IndustryChain)-[:PART_OF*0..3]->(ch:IndustryChain) RETURN collect(DISTINCT ch.id) AS chainIds }
SET p.cityIds = cities, p.placeIds = placeIds, p.chainIds = chainIds`;

/**
 * On every Park, `designations`: the names of the designations it holds (HAS_DESIGNATION,
 * status awarded), sorted, so a park's titles read as one list property.
 */
export const PARK_DERIVED_PROPERTIES = `
MATCH (pk:Park)
CALL { WITH pk
  MATCH (pk)-[h:HAS_DESIGNATION]->(d:Designation) WHERE h.status = 'awarded'
  WITH DISTINCT d.name AS name ORDER BY name
  RETURN collect(name) AS designations }
SET pk.designations = designations`;

/**
 * On every LEADS_CHAIN, the cities the leadership is placed in, as chainLeaders reads them:
 * - `namedCityIds`: the cities the leader is LOCATED_IN, those of the parks it is IN_PARK, and the
 *   city each evidence document of the leadership DESCRIBES, in that order, each once (the first
 *   that lies in the city asked for is the answer's city);
 * - `placeIds`: those cities and every city above them (up to three PART_OF hops), so a leadership
 *   is in a city exactly when the city is in this list, as with a project's placeIds.
 * Starts from the chains: there are far fewer of them than enterprises.
 */
export const LEADS_CHAIN_DERIVED_PROPERTIES = `
MATCH (:IndustryChain)<-[l:LEADS_CHAIN]-(e:Enterprise)
CALL { WITH e MATCH (e)-[:LOCATED_IN]->(own:City) RETURN collect(DISTINCT own.id) AS ownCities }
CALL { WITH e MATCH (e)-[:IN_PARK]->(:Park)-[:LOCATED_IN]->(pc:City) RETURN collect(DISTINCT pc.id) AS parkCities }
CALL { WITH l UNWIND coalesce(l.evidenceDocs, []) AS docId MATCH (:Document {id: docId})-[:DESCRIBES]->(dc:City) RETURN collect(DISTINCT dc.id) AS docCities }
WITH l, reduce(acc = [], x IN ownCities + parkCities + docCities | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS cities
CALL { WITH cities
  UNWIND cities AS cityId
  MATCH (:City {id: cityId})-[:PART_OF*0..3]->(up:City)
  RETURN collect(DISTINCT up.id) AS placeIds }
SET l.namedCityIds = cities, l.placeIds = placeIds`;

/** Every derivation, in the order the seed file runs them, with what it sets (DERIVED_PROPERTIES). */
export const DERIVATIONS: ReadonlyArray<{ on: keyof typeof DERIVED_PROPERTIES; cypher: string }> = [
  { on: 'Project', cypher: PROJECT_DERIVED_PROPERTIES },
  { on: 'Park', cypher: PARK_DERIVED_PROPERTIES },
  { on: 'LEADS_CHAIN', cypher: LEADS_CHAIN_DERIVED_PROPERTIES },
];

/** The seed file: every derivation, one statement each. */
export function derivedCypher(): string {
  return [
    '// ChainAtlas: properties derived from the facts (not evidence) for fast summaries; see src/knowledge/derived-properties.ts.',
    '// Generated by `npm run build:cypher`; do not edit. Run after every other seed file: it recomputes them from the graph.',
    '',
    ...DERIVATIONS.flatMap(({ cypher }) => [`${cypher.trim()};`, '']),
  ].join('\n');
}
