/** investmentSummary(groupBy, city, chain): project investment totals with the projects behind them. */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import type { NodeProps } from '../node-props.js';
import { GROUP_KEYS, GROUPINGS, NO_KEY, type Grouping } from '../../knowledge/derived-properties.js';
import { inCity, ofChains, walkFromCities } from '../list-queries.js';
import { assertResolved, overResolved, referenceParams, resolveInQuery } from '../references.js';
import { pick, picked as asNode, propertiesAt, selects } from './selection.js';

/**
 * investmentSummary, aggregated in the database: the groups with their totals, in one row of
 * parallel lists (keys, projectCounts, totals, withAmounts, projects: 1,600 maps cost Grafeo twice
 * as much to build and hand over), with the references the query resolved (so a city or chain
 * that names nothing is still a clear error, never an empty summary). A project is grouped under
 * GROUP_KEYS (src/knowledge/derived-properties.ts: the same keys the seed's totals use); one with
 * none falls into the null group (NO_KEY here). The projects of each group ($withProjects) and the
 * entity a group stands for ($withEntity) come back only when selected, with only the properties
 * the selection reads ($projectKeys, $entityKeys; selection.ts). The entities the keys name are read
 * after the grouping, in one UNWIND over the keys, and joined to their groups here.
 */
const groups = `
  WITH p, CASE $groupBy ${GROUPINGS.map((g) => `WHEN '${g}' THEN ${GROUP_KEYS[g]('p')}`).join('\n    ')} END AS keys
  UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
  WITH coalesce(key, '${NO_KEY}') AS key, count(p) AS projectCount, sum(p.amountYi) AS total, count(p.amountYi) AS withAmount,
    collect(CASE WHEN $withProjects THEN ${pick('p', 'projectKeys')} END) AS projects
  RETURN collect(key) AS keys, collect(projectCount) AS projectCounts, collect(coalesce(toFloat(total), 0.0)) AS totals,
    collect(withAmount) AS withAmounts, collect(projects) AS projects`;

const COLUMNS = ['keys', 'projectCounts', 'totals', 'withAmounts', 'projects'];

/** The entities the group keys name, after the grouping: one UNWIND (a subquery per group cost a third of the query). */
const named = `CALL { WITH keys UNWIND keys AS key MATCH (g:Entity) WHERE g.id = key
  RETURN collect([g.id, g.name, CASE WHEN $withEntity THEN ${pick('g', 'entityKeys')} END]) AS named }`;

/**
 * The live summary: one text per combination of filters rather than nullable parameters (Grafeo
 * 0.6 evaluates both sides of `$x IS NULL OR …` for every row, and a reference not given is not
 * resolved at all). A city matches its districts' and counties' projects too, by the place rule
 * every list's city filter reads (projects(filter: {city}) counts the same projects), found by
 * walking down from it (list-queries.ts walkFromCities); a chain its sub-chains' (chainIds).
 * `guard` limits when it runs: a condition over the resolved ids and the variables it imports.
 */
function liveSummary(city: boolean, chain: boolean, guard?: { imports: string[]; where: string }): string {
  const ids = [city && 'cityIds', chain && 'chainIds'].filter((x): x is string => Boolean(x));
  const chainTest = chain ? [overResolved(ofChains, 'n', 'chain')] : [];
  const source = city
    ? `${walkFromCities('Project', 'cityIds', ids, [inCity('n', 'city'), ...chainTest])}\n  WITH n AS p`
    : `MATCH (p:Project)${chain ? ` WHERE ${overResolved(ofChains, 'p', 'chain')}` : ''}`;
  const imports = guard ? [...ids, ...guard.imports] : ids;
  return `CALL { ${imports.length ? `WITH ${imports.join(', ')}\n  ` : ''}${guard ? `WITH ${imports.join(', ')} WHERE ${guard.where}\n  ` : ''}${source}${groups} }`;
}

const resolving = (city: boolean, chain: boolean) =>
  [city && resolveInQuery('city', ['City']), chain && resolveInQuery('chain', ['IndustryChain'])]
    .filter(Boolean)
    .join('\n');

function summaryText(city: boolean, chain: boolean): string {
  const ids = [city && 'cityIds', chain && 'chainIds'].filter(Boolean);
  return `${resolving(city, chain)}
${liveSummary(city, chain)}
WITH ${[...ids, ...COLUMNS].join(', ')}
${named}
RETURN ${[...ids, ...COLUMNS, 'named'].join(', ')}`;
}

/**
 * One city's summary from the totals the seed stored for it (derived-properties.ts
 * investmentTotals: read one node, not 4,000 projects), when the city filter is the only one and
 * no group's projects are selected. Summed live instead when there is no stored node to read: a
 * name that resolves to several cities (a city and one inside it would count their shared
 * projects twice), a city with no projects, or a graph seeded before the totals existed.
 */
const STORED_SUMMARY = `${resolving(true, false)}
CALL { WITH cityIds
  UNWIND CASE WHEN size(cityIds) = 1 THEN cityIds ELSE [] END AS city
  MATCH (s:Statistic) WHERE s.id = 'investment ' + $groupBy + ' ' + city
  RETURN collect(s.keys) AS k, collect(s.projectCounts) AS c, collect(s.totals) AS t, collect(s.withAmounts) AS w }
${liveSummary(true, false, { imports: ['k'], where: 'size(k) = 0' })}
WITH cityIds, CASE WHEN size(k) = 1 THEN k[0] ELSE keys END AS keys,
  CASE WHEN size(k) = 1 THEN c[0] ELSE projectCounts END AS projectCounts,
  CASE WHEN size(k) = 1 THEN t[0] ELSE totals END AS totals,
  CASE WHEN size(k) = 1 THEN w[0] ELSE withAmounts END AS withAmounts, projects
${named}
RETURN cityIds, ${COLUMNS.join(', ')}, named`;

/** The texts by the filters given ('', 'city', 'chain', 'city,chain'; 'city, stored': STORED_SUMMARY): the lint test lints each. */
export const INVESTMENT_SUMMARY: Record<string, string> = {
  '': summaryText(false, false),
  city: summaryText(true, false),
  chain: summaryText(false, true),
  'city,chain': summaryText(true, true),
  'city, stored': STORED_SUMMARY,
};

const UNSTATED = '(not stated)';

type Picked = NodeProps | unknown[];

/** The entity each group key names: its id, name, and (when selected) its properties. */
type Named = [string, string, Picked | null];

type Row = {
  keys: string[];
  projectCounts: number[];
  totals: number[];
  withAmounts: number[];
  projects: Picked[][];
  named: Named[];
  cityIds?: string[];
  chainIds?: string[];
};

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
  const stored = filters === 'city' && !withProjects;
  const [row] = await ctx.read<Row>(INVESTMENT_SUMMARY[stored ? 'city, stored' : filters]!, {
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
  const keys = row?.keys ?? [];
  ctx.returned(keys.length, 'investmentSummary');
  const named = new Map((row?.named ?? []).map(([id, name, entity]) => [id, { name, entity }]));
  return keys
    .map((key, i) => {
      const known = key === NO_KEY ? undefined : named.get(key);
      return new InvestmentGroup(
        key === NO_KEY ? UNSTATED : key,
        key === NO_KEY ? UNSTATED : (known?.name ?? key),
        Math.round(row!.totals[i]! * 100) / 100,
        row!.projectCounts[i]!,
        row!.withAmounts[i]!,
        known?.entity ?? null,
        row!.projects[i] ?? [],
        { ctx, projectKeys, entityKeys },
      );
    })
    .sort((a, b) => b.totalAmountYi - a.totalAmountYi || (a.key < b.key ? -1 : 1));
}

/**
 * One group of the answer. Its entity and projects are turned into nodes only when the selection
 * reaches them (methods, not a closure per group: 1,600 groups at 1M nodes).
 */
class InvestmentGroup {
  constructor(
    readonly key: string,
    readonly label: string,
    readonly totalAmountYi: number,
    readonly projectCount: number,
    readonly projectsWithAmount: number,
    private readonly found: Picked | null,
    private readonly picked: Picked[],
    private readonly reading: { ctx: GraphContext; projectKeys: string[] | null; entityKeys: string[] | null },
  ) {}

  entity() {
    if (!this.found) return null;
    const { ctx, entityKeys } = this.reading;
    const entity = asNode(this.found, entityKeys);
    if (!entityKeys) ctx.entity.prime(entity.id, entity);
    return entity;
  }

  projects() {
    const { ctx, projectKeys } = this.reading;
    ctx.returned(this.picked.length, 'investmentSummary.projects');
    const projects = this.picked.map((p) => asNode(p, projectKeys));
    if (!projectKeys) for (const p of projects) ctx.entity.prime(p.id, p);
    return projects.sort((a, b) => amountOf(b) - amountOf(a) || (a.id < b.id ? -1 : 1));
  }
}
