/** chainLeaders(city, park, chain): which chain leaders anchor which parks, with evidence. */
import type { GraphContext } from '../context.js';
import { CHAIN_LEADERS } from '../graph-queries.js';
import { evidenceOf, type NodeProps } from '../node-props.js';
import { placesWithin, resolveReference } from '../references.js';

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
  return Promise.all(
    rows.map(async (row) => {
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
    }),
  );
}
