/** chainLeaders(city, park, chain): which chain leaders anchor which parks, with evidence. */
import type { GraphContext } from '../context.js';
import { evidenceOf, type NodeProps } from '../node-props.js';
import { placesWithin, resolveReference } from '../references.js';

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

interface Row {
  enterprise: NodeProps;
  chain: NodeProps;
  leads: Record<string, unknown>;
  parks: NodeProps[];
  parkLinks: Array<Record<string, unknown>>;
  cities: string[];
}

export async function chainLeaders(
  _: unknown,
  args: { city?: string | null; park?: string | null; chain?: string | null },
  ctx: GraphContext,
) {
  const places = args.city != null ? await placesWithin(ctx, args.city, 'city') : null;
  const parks = args.park != null ? await resolveReference(ctx, args.park, ['Park'], 'park') : null;
  const chains = args.chain != null ? await resolveReference(ctx, args.chain, ['IndustryChain'], 'chain') : null;
  const rows = await ctx.read<Row>(CHAIN_LEADERS, { places, parks, chains });
  return rows.map((row) => {
    const cityId = (places ? row.cities.find((c) => places.includes(c)) : undefined) ?? row.cities[0];
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
