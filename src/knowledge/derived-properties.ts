/**
 * Properties derived from the facts at seed time, so that the API answers "in this city", "in
 * this park", "of this chain" with one list property per node instead of walking the place and
 * chain hierarchies on every request (at 100k nodes that walk cost 0.5–0.8 s per
 * investmentSummary on the embedded engine), and so that every question shares one reading of
 * the place rule (seeds/README.md): a list's city filter, chainLeaders and investmentSummary all
 * read `placeIds`; every located kind's `city` reads `cityId`.
 *
 * They are not facts and carry no evidence: the relationships they summarise do. The seed file
 * that sets them runs after every data file, and each document file replaces the whole property
 * map of the nodes it writes, so applying the seeds again always recomputes them. The statements
 * run in order: each reads what the ones before it set (a park's places before its enterprises').
 *
 * What each node gets (a list is empty, a single id absent, when nothing supports it):
 * - `placeIds`: the cities it is in, at every level (a district, its prefecture, the province),
 *   for a City itself and everything above it; for the kinds that are not located, the cities of
 *   what they are about (a policy's APPLIES_TO targets, a designation's holders, a report's
 *   subjects, a chain's developers, an indicator's subject), chains excepted: a chain node is
 *   shared by every place that develops it. A list filtered by a city keeps the nodes with the
 *   city in this list.
 * - `cityId` (located kinds: Park, Region, Enterprise, Project, Organization): the most specific
 *   city it is placed in, stated or inferred, directly (LOCATED_IN) or through its park (IN_PARK,
 *   PART_OF a park): a district or county before a prefecture before a province.
 * - `cityIds` (located kinds): the prefecture-level cities of those places (a city with no
 *   prefecture above it stands for itself): what investmentSummary groups by CITY.
 * - `prefectureId`, `provinceId` (City): the prefecture-level city and the province it is in
 *   (itself when it is one).
 * - `parkIds`: the parks it is in and every park those are part of (a Park: itself and the parks
 *   above it); for chains, policies, reports and designations, those of the parks they concern.
 * - `chainIds`: its chains and every chain above them (PART_OF): what it belongs to, leads,
 *   develops or is about; an IndustryChain itself and the chains above it. A chain filter keeps
 *   the nodes with the chain in this list, so it includes everything filed under a sub-chain.
 * - `designations` (Park): the names of the designations it holds (awarded), sorted.
 * And `:Statistic` nodes (not entities): per relationship type, direction and the kinds at both
 * ends, the fan-out (p99, max and mean degree over the nodes that have one), and the number of
 * nodes of each kind: the API estimates what a request will return from them (its cost limit);
 * and the investment totals of every city per grouping (investmentSummary's answer for one city).
 */

export const DERIVED_FILE = '950_derived.cypher';

/** A list of lists as one list without repeats: Cypher 5 has no flatten. */
const flatten = (lists: string) => `reduce(acc = [], l IN ${lists} | acc + [x IN l WHERE NOT x IN acc])`;

/** The most specific of the cities whose ids are in `ids`: districts and counties first, then by id. */
const mostSpecific = (ids: string) => `CALL { WITH ${ids}
  UNWIND ${ids} AS placeId
  MATCH (c:City {id: placeId})
  WITH c ORDER BY CASE c.level WHEN 'province' THEN 2 WHEN 'prefecture' THEN 1 ELSE 0 END, c.id
  WITH collect(c.id) AS ordered
  RETURN ordered[0] AS cityId }`;

/** Chains: itself and every chain above it. First: every other kind's chainIds read these. */
export const CHAIN_DERIVED_PROPERTIES = `
MATCH (ch:IndustryChain)
CALL { WITH ch MATCH (ch)-[:PART_OF*0..3]->(up:IndustryChain) WITH DISTINCT up ORDER BY up.id RETURN collect(up.id) AS chainIds }
SET ch.chainIds = chainIds`;

/**
 * Cities: every city at or above it (PART_OF up to three hops), its prefecture and province, and
 * the chains it develops (HAS_INDUSTRY, any status).
 */
export const CITY_DERIVED_PROPERTIES = `
MATCH (c:City)
CALL { WITH c MATCH (c)-[:PART_OF*0..3]->(up:City) WITH DISTINCT up ORDER BY up.id RETURN collect(up.id) AS placeIds, collect(CASE WHEN up.level = 'prefecture' THEN up.id END) AS prefectures, collect(CASE WHEN up.level = 'province' THEN up.id END) AS provinces }
CALL { WITH c MATCH (c)-[:HAS_INDUSTRY]->(ch:IndustryChain) RETURN collect(ch.chainIds) AS chainLists }
SET c.placeIds = placeIds, c.prefectureId = prefectures[0], c.provinceId = provinces[0],
    c.cityIds = CASE WHEN size(prefectures) = 0 THEN [c.id] ELSE prefectures END, c.chainIds = ${flatten('chainLists')}`;

/**
 * Parks: placed directly (LOCATED_IN) or through the parks they are part of (PART_OF, up to three
 * hops, each LOCATED_IN a city); themselves and the parks above them; the chains they develop.
 */
export const PARK_DERIVED_PROPERTIES = `
MATCH (pk:Park)
CALL { WITH pk MATCH (pk)-[:PART_OF*0..3]->(up:Park) WITH DISTINCT up ORDER BY up.id RETURN collect(up.id) AS parkIds }
CALL { WITH pk MATCH (pk)-[:PART_OF*0..3]->(:Park)-[:LOCATED_IN]->(c:City) WITH DISTINCT c RETURN collect(c.id) AS named, collect(c.placeIds) AS placeLists, collect(c.cityIds) AS tops }
CALL { WITH pk MATCH (pk)-[:HAS_INDUSTRY]->(ch:IndustryChain) RETURN collect(ch.chainIds) AS chainLists }
${mostSpecific('named')}
CALL { WITH pk
  MATCH (pk)-[h:HAS_DESIGNATION]->(d:Designation) WHERE h.status = 'awarded'
  WITH DISTINCT d.name AS name ORDER BY name
  RETURN collect(name) AS designations }
SET pk.parkIds = parkIds, pk.cityId = cityId, pk.placeIds = ${flatten('placeLists')}, pk.cityIds = ${flatten('tops')},
    pk.chainIds = ${flatten('chainLists')}, pk.designations = designations`;

/**
 * A kind placed by LOCATED_IN a city and IN_PARK a park (whose places the statement above set),
 * with its chains through `chainTypes`. Both place facts are read in one pattern, so each list is
 * collected once (Neo4j types a concatenation of collected lists as Any and refuses to reduce it).
 */
function locatedThroughParks(kind: string, chainTypes: string[]): string {
  const chains = chainTypes.length
    ? `\nCALL { WITH n MATCH (n)-[:${chainTypes.join('|')}]->(ch:IndustryChain) RETURN collect(ch.chainIds) AS chainLists }`
    : '';
  return `
MATCH (n:${kind})
CALL { WITH n
  MATCH (n)-[:LOCATED_IN|IN_PARK]->(t:Entity)
  RETURN collect(CASE t.kind WHEN 'City' THEN t.id ELSE t.cityId END) AS named, collect(t.placeIds) AS placeLists,
         collect(t.cityIds) AS tops, collect(t.parkIds) AS parkLists }${chains}
${mostSpecific('named')}
SET n.cityId = cityId, n.placeIds = ${flatten('placeLists')}, n.cityIds = ${flatten('tops')},
    n.parkIds = ${flatten('parkLists')}${chainTypes.length ? `, n.chainIds = ${flatten('chainLists')}` : ''}`;
}

/** Enterprises: placed as above; their chains are those they belong to or lead. */
export const ENTERPRISE_DERIVED_PROPERTIES = locatedThroughParks('Enterprise', ['PART_OF_CHAIN', 'LEADS_CHAIN']);
/** Projects: placed as above; their chains are those they belong to (and the chains above them). */
export const PROJECT_DERIVED_PROPERTIES = locatedThroughParks('Project', ['PART_OF_CHAIN']);
/** Organisations: placed as above (a body in a city, or in a park); they belong to no chain. */
export const ORGANIZATION_DERIVED_PROPERTIES = locatedThroughParks('Organization', []);

/** Regions: placed only where the text places them (LOCATED_IN); the chains they develop. */
export const REGION_DERIVED_PROPERTIES = `
MATCH (r:Region)
CALL { WITH r MATCH (r)-[:LOCATED_IN]->(c:City) RETURN collect(c.id) AS named, collect(c.placeIds) AS placeLists, collect(c.cityIds) AS tops }
CALL { WITH r MATCH (r)-[:HAS_INDUSTRY]->(ch:IndustryChain) RETURN collect(ch.chainIds) AS chainLists }
${mostSpecific('named')}
SET r.cityId = cityId, r.placeIds = ${flatten('placeLists')}, r.cityIds = ${flatten('tops')}, r.chainIds = ${flatten('chainLists')}`;

/**
 * A kind that is not located, placed by what it concerns through `types` (pointing `direction`
 * from it): the places and parks of those nodes (set by the statements above), and the chains
 * when `withChains`. A chain it concerns gives it chains, not places: a chain node is shared by
 * every place that develops it, so a policy on 有色金属 is not thereby in every city with the industry.
 */
function concerning(kind: string, types: string, direction: 'OUT' | 'IN', withChains: boolean): string {
  const pattern = direction === 'OUT' ? `(n)-[:${types}]->(t:Entity)` : `(n)<-[:${types}]-(t:Entity)`;
  const placed = (property: string) => `collect(CASE WHEN t.kind <> 'IndustryChain' THEN t.${property} END)`;
  return `
MATCH (n:${kind})
CALL { WITH n MATCH ${pattern} RETURN ${placed('placeIds')} AS placeLists, ${placed('parkIds')} AS parkLists${withChains ? ', collect(t.chainIds) AS chainLists' : ''} }
SET n.placeIds = ${flatten('placeLists')}, n.parkIds = ${flatten('parkLists')}${withChains ? `, n.chainIds = ${flatten('chainLists')}` : ''}`;
}

/** Policies: the places, parks and chains of what they act on (APPLIES_TO). */
export const POLICY_DERIVED_PROPERTIES = concerning('Policy', 'APPLIES_TO', 'OUT', true);
/** Reports: the places, parks and chains of what they are about (ABOUT). */
export const REPORT_DERIVED_PROPERTIES = concerning('Report', 'ABOUT', 'OUT', true);
/** Designations: the places and parks of their holders (HAS_DESIGNATION, any status). */
export const DESIGNATION_DERIVED_PROPERTIES = concerning('Designation', 'HAS_DESIGNATION', 'IN', false);

/**
 * Chains: the places and parks that develop them (HAS_INDUSTRY from cities, parks and regions).
 * Their chainIds were set first.
 */
export const CHAIN_PLACES = `
MATCH (ch:IndustryChain)
CALL { WITH ch MATCH (ch)<-[:HAS_INDUSTRY]-(t:Entity) RETURN collect(t.placeIds) AS placeLists, collect(t.parkIds) AS parkLists }
SET ch.placeIds = ${flatten('placeLists')}, ch.parkIds = ${flatten('parkLists')}`;

/**
 * Indicators: the places of their subject (HAS_INDICATOR) when the subject is a place, a located
 * thing or an instrument; a chain's or a designation's own figure belongs to no place (a chain
 * node is shared by every place that develops it).
 */
export const INDICATOR_DERIVED_PROPERTIES = `
MATCH (i:Indicator)
CALL { WITH i MATCH (i)<-[:HAS_INDICATOR]-(s:Entity) WHERE NOT s.kind IN ['IndustryChain', 'Designation'] RETURN collect(s.placeIds) AS placeLists, collect(s.parkIds) AS parkLists }
SET i.placeIds = ${flatten('placeLists')}, i.parkIds = ${flatten('parkLists')}`;

/** The statistics are recomputed whole: the previous seeding's go first. */
export const CLEAR_STATISTICS = `
MATCH (s:Statistic) DETACH DELETE s`;

/**
 * The degrees of one relationship type per (near kind, far kind), summarised. The p99 is the
 * nearest rank of the sorted degrees (with a hundred nodes or fewer, the largest), computed here
 * rather than with percentileDisc, which the two engines compute differently: both must hold the
 * same statistics for the same graph, or the cost limit would accept a request on one and refuse
 * it on the other.
 */
const fanOut = (direction: 'OUT' | 'IN', near: 'a' | 'b') => {
  const far = near === 'a' ? 'b' : 'a';
  return `
MATCH (a:Entity)-[r]->(b:Entity)
WITH type(r) AS type, ${near}.kind AS near, ${far}.kind AS far, ${near}, count(r) AS degree
WITH type, near, far, degree ORDER BY degree
WITH type, near, far, collect(degree) AS degrees
WITH type, near, far, degrees, size(degrees) AS sources, reduce(total = 0, d IN degrees | total + d) AS total
CREATE (:Statistic {id: 'fan-out ' + type + ' ${direction} ' + near + ' ' + far, statistic: 'fan-out', type: type, direction: '${direction}', near: near, far: far,
  p99: degrees[toInteger(ceil(0.99 * sources)) - 1], max: degrees[sources - 1], mean: toFloat(total) / sources, sources: sources})`;
};

/** Fan-out of each relationship type from its start nodes, per kind at either end. */
export const FAN_OUT_STATISTICS = fanOut('OUT', 'a');

/** Fan-in: the same seen from the end nodes (the IN direction of a relationship field). */
export const FAN_IN_STATISTICS = fanOut('IN', 'b');

/** How many nodes of each kind there are. */
export const KIND_SIZES = `
MATCH (n:Entity)
WITH n.kind AS kind, count(*) AS count
CREATE (:Statistic {id: 'size ' + kind, statistic: 'size', kind: kind, count: count})`;

/** What investmentSummary groups projects by. */
export type Grouping = 'CITY' | 'CHAIN' | 'STATUS' | 'DOCUMENT';
export const GROUPINGS: readonly Grouping[] = ['CHAIN', 'CITY', 'STATUS', 'DOCUMENT'];

/**
 * The keys a project `p` is summed under, per grouping: read by the live summary
 * (src/graphql/questions/investment-summary.ts) and by the seed's totals below, so the two cannot
 * differ. evidenceDocs repeats a document per quote, hence the reduce. No key: the null group.
 */
export const GROUP_KEYS: Record<Grouping, (p: string) => string> = {
  CITY: (p) => `${p}.cityIds`,
  CHAIN: (p) => `${p}.chainIds`,
  STATUS: (p) => `[${p}.status]`,
  DOCUMENT: (p) => `reduce(docs = [], d IN ${p}.evidenceDocs | CASE WHEN d IN docs THEN docs ELSE docs + [d] END)`,
};

/** The key under which the totals store a project with no key (a property list holds no null). */
export const NO_KEY = '';

/**
 * investmentSummary(groupBy, city) precomputed: per grouping and per city a project is in (its
 * placeIds, the city filter's rule), one :Statistic with the groups' keys and, in the same order,
 * their project counts, amount totals (floats: a stored list holds one type) and counts of
 * projects with an amount. Without them the summary of a city at 1M nodes walked 4,000 projects
 * into 1,600 groups on every request (60 ms on the embedded engine); with them it reads one node.
 */
const investmentTotals = (grouping: Grouping) => `
MATCH (p:Project)
WITH p, ${GROUP_KEYS[grouping]('p')} AS keys
UNWIND p.placeIds AS place
UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
WITH place, coalesce(key, '${NO_KEY}') AS key, count(p) AS projects, sum(p.amountYi) AS total, count(p.amountYi) AS withAmount
WITH place, key, projects, coalesce(toFloat(total), 0.0) AS total, withAmount ORDER BY place, key
WITH place, collect(key) AS keys, collect(projects) AS projectCounts, collect(total) AS totals, collect(withAmount) AS withAmounts
CREATE (:Statistic {id: 'investment ${grouping} ' + place, statistic: 'investment', groupBy: '${grouping}', place: place,
  keys: keys, projectCounts: projectCounts, totals: totals, withAmounts: withAmounts})`;

export const INVESTMENT_BY_CHAIN = investmentTotals('CHAIN');
export const INVESTMENT_BY_CITY = investmentTotals('CITY');
export const INVESTMENT_BY_STATUS = investmentTotals('STATUS');
export const INVESTMENT_BY_DOCUMENT = investmentTotals('DOCUMENT');

/** Every derivation, in the order they must run. */
export const DERIVATIONS: readonly string[] = [
  CHAIN_DERIVED_PROPERTIES,
  CITY_DERIVED_PROPERTIES,
  PARK_DERIVED_PROPERTIES,
  ENTERPRISE_DERIVED_PROPERTIES,
  PROJECT_DERIVED_PROPERTIES,
  ORGANIZATION_DERIVED_PROPERTIES,
  REGION_DERIVED_PROPERTIES,
  POLICY_DERIVED_PROPERTIES,
  REPORT_DERIVED_PROPERTIES,
  DESIGNATION_DERIVED_PROPERTIES,
  CHAIN_PLACES,
  INDICATOR_DERIVED_PROPERTIES,
  CLEAR_STATISTICS,
  FAN_OUT_STATISTICS,
  FAN_IN_STATISTICS,
  KIND_SIZES,
  INVESTMENT_BY_CHAIN,
  INVESTMENT_BY_CITY,
  INVESTMENT_BY_STATUS,
  INVESTMENT_BY_DOCUMENT,
];

/**
 * The properties the statements above set, per kind: the Browser guide lists them, and the API's
 * list filters read them (a kind without `placeIds` cannot be filtered by city, and its filter
 * input does not offer it; src/graphql/list-filters.ts).
 */
export const DERIVED_PROPERTY_NAMES: Readonly<Record<string, readonly string[]>> = {
  City: ['placeIds', 'prefectureId', 'provinceId', 'cityIds', 'chainIds'],
  Park: ['cityId', 'placeIds', 'cityIds', 'parkIds', 'chainIds', 'designations'],
  Region: ['cityId', 'placeIds', 'cityIds', 'chainIds'],
  Enterprise: ['cityId', 'placeIds', 'cityIds', 'parkIds', 'chainIds'],
  Project: ['cityId', 'placeIds', 'cityIds', 'parkIds', 'chainIds'],
  Organization: ['cityId', 'placeIds', 'cityIds', 'parkIds'],
  IndustryChain: ['chainIds', 'placeIds', 'parkIds'],
  Policy: ['placeIds', 'parkIds', 'chainIds'],
  Report: ['placeIds', 'parkIds', 'chainIds'],
  Designation: ['placeIds', 'parkIds'],
  Indicator: ['placeIds', 'parkIds'],
};

/** Whether nodes of `kind` carry the derived property `name`. */
export const hasDerived = (kind: string, name: string): boolean =>
  DERIVED_PROPERTY_NAMES[kind]?.includes(name) ?? false;

/** The seed file: every derivation, one statement each. */
export function derivedCypher(): string {
  return [
    '// ChainAtlas: properties derived from the facts (not evidence) for the place rule, list filters and summaries,',
    '// and the graph’s fan-out statistics; see src/knowledge/derived-properties.ts.',
    '// Generated by `npm run build:cypher`; do not edit. Run after every other seed file: it recomputes them from the graph.',
    '',
    ...DERIVATIONS.map((statement) => `${statement.trim()};\n`),
  ].join('\n');
}
