/** investmentSummary(groupBy, city, chain): project investment totals with the projects behind them. */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import type { NodeProps } from '../node-props.js';
import { inPlaces, ofChains, walkFromCities } from '../list-queries.js';
import { assertResolved, overResolved, referenceParams, resolveInQuery } from '../references.js';
import { pick, picked as asNode, propertiesAt, selects } from './selection.js';

/**
 * investmentSummary, aggregated in the database: one entry per group with its totals, in one
 * list, returned with the references the query resolved (so a city or chain that names nothing is
 * still a clear error, never an empty summary). Reads the properties cypher/950_derived.cypher
 * sets on every project (cityIds, placeIds, chainIds; see src/knowledge/derived-properties.ts).
 * evidenceDocs repeats a document per quote, hence the reduce. A project with nothing to group by
 * (no chain, no status) falls into the null group. The projects of each group ($withProjects) and
 * the entity a group stands for ($withEntity) come back only when selected, with only the
 * properties the selection reads ($projectKeys, $entityKeys; selection.ts). The entities the keys
 * name are read after the grouping, in one UNWIND over the keys, and joined to their groups here:
 * a subquery per grouped row cost about a third of the query at 1M nodes (1,583 chains).
 */
const SUMMARY_GROUPS = `
  WITH p, CASE $groupBy WHEN 'CITY' THEN p.cityIds WHEN 'CHAIN' THEN p.chainIds WHEN 'STATUS' THEN [p.status]
    ELSE reduce(docs = [], d IN p.evidenceDocs | CASE WHEN d IN docs THEN docs ELSE docs + [d] END) END AS keys
  UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
  WITH key, count(p) AS projectCount, sum(p.amountYi) AS total, count(p.amountYi) AS withAmount,
    collect(CASE WHEN $withProjects THEN ${pick('p', 'projectKeys')} END) AS projects
  WITH collect({key: key, projectCount: projectCount, total: total, withAmount: withAmount, projects: projects}) AS groups,
    collect(key) AS keys
  CALL { WITH keys UNWIND keys AS key MATCH (g:Entity) WHERE g.id = key
    RETURN collect([g.id, g.name, CASE WHEN $withEntity THEN ${pick('g', 'entityKeys')} END]) AS named }
  RETURN groups, named }`;

/**
 * One text per combination of filters rather than nullable parameters: Grafeo 0.6 evaluates both
 * sides of `$x IS NULL OR …` for every row, and a reference not given is not resolved at all. A
 * city matches its districts' and counties' projects too, by the place rule every list's city
 * filter reads (projects(filter: {city}) counts the same projects); a chain its sub-chains'
 * (chainIds).
 */
function summaryText(city: boolean, chain: boolean): string {
  const ids = [city && 'cityIds', chain && 'chainIds'].filter((x): x is string => Boolean(x));
  // The projects of a city are found as projects(filter: {city}) finds them: walking down from it
  // (list-queries.ts walkFromCities), placeIds deciding.
  const source = city
    ? `\n  ${walkFromCities('Project', 'cityIds', ids)}\n  WITH n AS p${ids.map((v) => `, ${v}`).join('')}`
    : '\n  MATCH (p:Project)';
  const conditions = [city && overResolved(inPlaces, 'p', 'city'), chain && overResolved(ofChains, 'p', 'chain')];
  const where = city || chain ? `\n  WHERE ${conditions.filter(Boolean).join(' AND ')}` : '';
  const resolve = [city && resolveInQuery('city', ['City']), chain && resolveInQuery('chain', ['IndustryChain'])];
  return `${resolve.filter(Boolean).join('\n')}
CALL { ${ids.length ? `WITH ${ids.join(', ')}` : ''}${source}${where}${SUMMARY_GROUPS}
RETURN ${[...ids, 'groups', 'named'].join(', ')}`;
}

/** The texts by the filters given ('', 'city', 'chain', 'city,chain'): the lint test lints each. */
export const INVESTMENT_SUMMARY: Record<string, string> = {
  '': summaryText(false, false),
  city: summaryText(true, false),
  chain: summaryText(false, true),
  'city,chain': summaryText(true, true),
};

type Grouping = 'CITY' | 'CHAIN' | 'STATUS' | 'DOCUMENT';
const UNSTATED = '(not stated)';

type Picked = NodeProps | unknown[];

interface Group {
  key: string | null;
  projectCount: number;
  total: number | null;
  withAmount: number;
  projects: Picked[];
}

/** The entity each group key names: its id, name, and (when selected) its properties. */
type Named = [string, string, Picked | null];

type Row = { groups: Group[]; named: Named[]; cityIds?: string[]; chainIds?: string[] };

const amountOf = (p: NodeProps) => (typeof p.amountYi === 'number' ? p.amountYi : -1);

export async function investmentSummary(
  _: unknown,
  args: { groupBy: Grouping; city?: string | null; chain?: string | null },
  ctx: GraphContext,
  info: GraphQLResolveInfo,
) {
  const withProjects = selects(info, ['projects']);
  const withEntity = args.groupBy !== 'STATUS' && selects(info, ['entity']);
  // The projects are ordered by amount here: their amount comes back whatever the selection.
  const picked = propertiesAt(info, ['projects']);
  const projectKeys = picked && [...new Set([...picked, 'amountYi'])].sort();
  const entityKeys = propertiesAt(info, ['entity']);
  const filters = [args.city != null && 'city', args.chain != null && 'chain'].filter(Boolean).join(',');
  const [row] = await ctx.read<Row>(INVESTMENT_SUMMARY[filters]!, {
    ...referenceParams('city', args.city, 'city'),
    ...referenceParams('chain', args.chain, 'chain'),
    groupBy: args.groupBy,
    withProjects,
    projectKeys,
    withEntity,
    entityKeys,
  });
  assertResolved(args.city, row?.cityIds, ['City'], 'city');
  assertResolved(args.chain, row?.chainIds, ['IndustryChain'], 'chain');
  const groups = row?.groups ?? [];
  ctx.returned(groups.length, 'investmentSummary');
  const named = new Map((row?.named ?? []).map(([id, name, entity]) => [id, { name, entity }]));
  return groups
    .map((group) => ({
      key: group.key ?? UNSTATED,
      label: group.key == null ? UNSTATED : (named.get(group.key)?.name ?? group.key),
      totalAmountYi: Math.round((group.total ?? 0) * 100) / 100,
      projectCount: group.projectCount,
      projectsWithAmount: group.withAmount,
      entity: () => {
        const found = group.key == null ? undefined : named.get(group.key)?.entity;
        if (!found) return null;
        const entity = asNode(found, entityKeys);
        if (!entityKeys) ctx.entity.prime(entity.id, entity);
        return entity;
      },
      projects: () => {
        ctx.returned(group.projects.length, 'investmentSummary.projects');
        const projects = group.projects.map((p) => asNode(p, projectKeys));
        if (!projectKeys) for (const p of projects) ctx.entity.prime(p.id, p);
        return projects.sort((a, b) => amountOf(b) - amountOf(a) || (a.id < b.id ? -1 : 1));
      },
    }))
    .sort((a, b) => b.totalAmountYi - a.totalAmountYi || (a.key < b.key ? -1 : 1));
}
