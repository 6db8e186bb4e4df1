/** chainLeaders(city, park, chain): which chain leaders anchor which parks, with evidence. */
import type { GraphContext } from '../context.js';
import { factOf, qualifiersOf } from '../fact-values.js';
import { inParks, inPlaces, ofChains } from '../list-queries.js';
import { evidenceOf, type NodeProps } from '../node-props.js';
import { resolveReference } from '../references.js';

/**
 * Chain leadership, placed by the place rule every list's city filter reads: a leader is in a
 * city when the city is among its placeIds (its own place or its park's, at every level above;
 * src/knowledge/derived-properties.ts), so chainLeaders(city) names exactly the leaders
 * enterprises(filter: {city}) lists. The anchor parks: parks it is in, plus parks in its city
 * (or under it) that carry the chain it leads (HAS_INDUSTRY). A chain filter includes its
 * sub-chains (the led chain's chainIds hold every chain above it). The place and chain filters
 * run first, on properties of the pattern's own nodes, so most leaders drop out before any park
 * or property map is gathered. Property maps are collected, not nodes and relationships: Grafeo
 * 0.6 can return another relationship's properties for a collected one.
 */
export const CHAIN_LEADERS = `
MATCH (e:Enterprise)-[l:LEADS_CHAIN]->(c:IndustryChain)
WHERE ($chains IS NULL OR ${ofChains('c', 'chains')}) AND ($cities IS NULL OR ${inPlaces('e', 'cities')})
CALL { WITH e MATCH (e)-[ip:IN_PARK]->(p:Park) RETURN collect(properties(p)) AS ownParks, collect(properties(ip)) AS ownLinks }
CALL { WITH e, c
  MATCH (c)<-[hi:HAS_INDUSTRY]-(hp:Park)
  WHERE e.cityId IN hp.placeIds
  RETURN collect(properties(hp)) AS hostParks, collect(properties(hi)) AS hostLinks }
WITH e, l, c, ownParks, ownLinks, hostParks, hostLinks
WHERE $parks IS NULL OR any(p IN ownParks + hostParks WHERE ${inParks('p', 'parks')})
RETURN properties(e) AS enterprise, properties(c) AS chain, properties(l) AS leads, ownParks, ownLinks, hostParks, hostLinks
ORDER BY c.name, e.name`;

interface Row {
  enterprise: NodeProps;
  chain: NodeProps;
  leads: Record<string, unknown>;
  ownParks: NodeProps[];
  ownLinks: Array<Record<string, unknown>>;
  hostParks: NodeProps[];
  hostLinks: Array<Record<string, unknown>>;
}

export async function chainLeaders(
  _: unknown,
  args: { city?: string | null; park?: string | null; chain?: string | null },
  ctx: GraphContext,
) {
  const [cities, parks, chains] = await Promise.all([
    args.city != null ? resolveReference(ctx, args.city, ['City'], 'city') : null,
    args.park != null ? resolveReference(ctx, args.park, ['Park'], 'park') : null,
    args.chain != null ? resolveReference(ctx, args.chain, ['IndustryChain'], 'chain') : null,
  ]);
  const rows = await ctx.read<Row>(CHAIN_LEADERS, { cities, parks, chains });
  ctx.returned(rows.length, 'chainLeaders');
  return rows.map((row) => {
    for (const node of [row.enterprise, row.chain, ...row.ownParks, ...row.hostParks]) ctx.entity.prime(node.id, node);
    const parkLinks = [
      ...row.ownParks.map((p, i) => factOf('IN_PARK', row.enterprise, p, row.ownLinks[i] ?? {})),
      ...row.hostParks.map((p, i) => factOf('HAS_INDUSTRY', p, row.chain, row.hostLinks[i] ?? {})),
    ];
    const cityId = row.enterprise.cityId as string | undefined;
    return {
      enterprise: row.enterprise,
      chain: row.chain,
      role: (row.leads.role as string | undefined) ?? null,
      basis: row.leads.basis ?? 'stated',
      reason: (row.leads.reason as string | undefined) ?? null,
      qualifiers: qualifiersOf('LEADS_CHAIN', row.leads),
      parks: [...new Map([...row.ownParks, ...row.hostParks].map((p) => [p.id, p])).values()],
      parkLinks,
      // Loaded only when selected (graphql-js calls function-valued fields).
      city: () => (cityId ? ctx.entity.load(cityId) : null),
      evidence: [...evidenceOf(row.leads), ...parkLinks.flatMap((f) => f.evidence)],
    };
  });
}
