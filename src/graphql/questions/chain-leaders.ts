/** chainLeaders(city, park, chain): which chain leaders anchor which parks, with evidence. */
import type { GraphContext } from '../context.js';
import { evidenceOf, type NodeProps } from '../node-props.js';
import { resolveReference } from '../references.js';

/**
 * Chain leadership, placed: the cities the leader is in (its own, its parks', and the city each
 * evidence document is about) and the anchor parks: parks it is in, plus parks in those cities
 * that carry the chain it leads (HAS_INDUSTRY). The cities are read from the properties the seed
 * derives on each LEADS_CHAIN (cypher/950_derived.cypher: namedCityIds, placeIds), so the city
 * filter is one list test per leadership and drops most of them before any park or property map
 * is gathered; the pattern starts at the chains, of which there are far fewer than enterprises
 * (a scan of the leaders with three subqueries each took 0.2 s at 1M nodes). `inArea`: the named
 * cities that lie in the cities asked for, the first of which is the answer's city. Property maps
 * are collected, not nodes and relationships: Grafeo 0.6 can return another relationship's
 * properties for a collected one.
 */
export const CHAIN_LEADERS = `
MATCH (c:IndustryChain)<-[l:LEADS_CHAIN]-(e:Enterprise)
WHERE ($chains IS NULL OR c.id IN $chains) AND ($cities IS NULL OR any(x IN $cities WHERE x IN l.placeIds))
WITH e, l, c, l.namedCityIds AS cities
CALL { WITH e MATCH (e)-[ip:IN_PARK]->(p:Park) RETURN collect(DISTINCT properties(p)) AS ownParks, collect(DISTINCT properties(ip)) AS ownLinks }
CALL { WITH c, cities
  MATCH (c)<-[hi:HAS_INDUSTRY]-(hp:Park)
  WHERE EXISTS { MATCH (hp)-[:LOCATED_IN]->(:City)-[:PART_OF*0..2]->(x:City) WHERE x.id IN cities }
  RETURN collect(DISTINCT properties(hp)) AS hostParks, collect(DISTINCT properties(hi)) AS hostLinks }
WITH e, l, c, ownParks + hostParks AS parks, ownLinks + hostLinks AS parkLinks, cities
WHERE $parks IS NULL OR any(p IN parks WHERE p.id IN $parks)
CALL { WITH cities
  UNWIND cities AS cityId
  MATCH (:City {id: cityId})-[:PART_OF*0..3]->(up:City) WHERE up.id IN $cities
  RETURN collect(DISTINCT cityId) AS inArea }
RETURN properties(e) AS enterprise, properties(c) AS chain, properties(l) AS leads, parks, parkLinks, cities, inArea
ORDER BY c.name, e.name`;

interface Row {
  enterprise: NodeProps;
  chain: NodeProps;
  leads: Record<string, unknown>;
  parks: NodeProps[];
  parkLinks: Array<Record<string, unknown>>;
  cities: string[];
  inArea: string[];
}

export async function chainLeaders(
  _: unknown,
  args: { city?: string | null; park?: string | null; chain?: string | null },
  ctx: GraphContext,
) {
  // The references are independent: resolved side by side, one wave of store calls.
  const [cities, parks, chains] = await Promise.all([
    args.city != null ? resolveReference(ctx, args.city, ['City'], 'city') : null,
    args.park != null ? resolveReference(ctx, args.park, ['Park'], 'park') : null,
    args.chain != null ? resolveReference(ctx, args.chain, ['IndustryChain'], 'chain') : null,
  ]);
  const rows = await ctx.read<Row>(CHAIN_LEADERS, { cities, parks, chains });
  return rows.map((row) => {
    const cityId = row.cities.find((c) => row.inArea.includes(c)) ?? row.cities[0];
    for (const node of [row.enterprise, row.chain, ...row.parks]) ctx.entity.prime(node.id, node);
    return {
      enterprise: row.enterprise,
      chain: row.chain,
      role: (row.leads.role as string | undefined) ?? null,
      parks: [...new Map(row.parks.map((p) => [p.id, p])).values()],
      // Loaded only when selected (graphql-js calls function-valued fields).
      city: () => (cityId ? ctx.entity.load(cityId) : null),
      evidence: [...evidenceOf(row.leads), ...row.parkLinks.flatMap(evidenceOf)],
    };
  });
}
