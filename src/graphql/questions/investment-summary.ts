/** investmentSummary(groupBy, city, chain): project investment totals with the projects behind them. */
import type { GraphContext } from '../context.js';
import { PROJECT_FACTS } from '../graph-queries.js';
import type { NodeProps } from '../node-props.js';
import { placesWithin, resolveReference } from '../references.js';

type Grouping = 'CITY' | 'CHAIN' | 'STATUS' | 'DOCUMENT';
const UNSTATED = '(not stated)';

interface Row {
  project: NodeProps;
  cities: string[];
  chains: string[];
}

function keysOf(row: Row, groupBy: Grouping): string[] {
  switch (groupBy) {
    case 'CITY':
      return row.cities.length ? row.cities : [UNSTATED];
    case 'CHAIN':
      return row.chains.length ? row.chains : [UNSTATED];
    case 'STATUS':
      return [(row.project.status as string | undefined) ?? UNSTATED];
    case 'DOCUMENT':
      return [...new Set(row.project.evidenceDocs ?? [])];
  }
}

export async function investmentSummary(_: unknown, args: { groupBy: Grouping; city?: string | null; chain?: string | null }, ctx: GraphContext) {
  const places = args.city != null ? await placesWithin(ctx, args.city, 'city') : null;
  const chains = args.chain != null ? await resolveReference(ctx, args.chain, ['IndustryChain'], 'chain') : null;
  const rows = await ctx.read<Row>(PROJECT_FACTS, { places, chains });
  const groups = new Map<string, NodeProps[]>();
  for (const row of rows) {
    ctx.entity.prime(row.project.id, row.project);
    for (const key of keysOf(row, args.groupBy)) groups.set(key, [...(groups.get(key) ?? []), row.project]);
  }
  const withEntity = args.groupBy !== 'STATUS';
  const entities = withEntity ? await ctx.entity.loadMany([...groups.keys()].filter((k) => k !== UNSTATED)) : [];
  const names = new Map(entities.filter((e): e is NodeProps => !!e && !(e instanceof Error)).map((e) => [e.id, e]));
  return [...groups.entries()]
    .map(([key, projects]) => {
      const amounts = projects.map((p) => p.amountYi).filter((a): a is number => typeof a === 'number');
      return {
        key,
        label: names.get(key)?.name ?? key,
        entity: names.get(key) ?? null,
        totalAmountYi: Math.round(amounts.reduce((a, b) => a + b, 0) * 100) / 100,
        projectCount: projects.length,
        projectsWithAmount: amounts.length,
        projects: [...projects].sort((a, b) => ((b.amountYi as number) ?? -1) - ((a.amountYi as number) ?? -1)),
      };
    })
    .sort((a, b) => b.totalAmountYi - a.totalAmountYi || (a.key < b.key ? -1 : 1));
}
