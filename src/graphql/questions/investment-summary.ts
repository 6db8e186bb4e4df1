/** investmentSummary(groupBy, city, chain): project investment totals with the projects behind them. */
import type { GraphContext } from '../context.js';
import { loadAll } from '../entity-resolvers.js';
import type { NodeProps } from '../node-props.js';
import { ofChains } from '../list-queries.js';
import { resolveReference } from '../references.js';

/**
 * investmentSummary, aggregated in the database: one row per group with its totals and the ids
 * of the projects behind them. Reads the properties cypher/950_derived.cypher sets on every
 * project (cityIds, placeIds, chainIds; see src/knowledge/derived-properties.ts). evidenceDocs
 * repeats a document per quote, hence the reduce. A project with nothing to group by (no chain,
 * no status) falls into the null group.
 */
const SUMMARY_GROUPS = `
WITH p, CASE $groupBy WHEN 'CITY' THEN p.cityIds WHEN 'CHAIN' THEN p.chainIds WHEN 'STATUS' THEN [p.status]
  ELSE reduce(docs = [], d IN p.evidenceDocs | CASE WHEN d IN docs THEN docs ELSE docs + [d] END) END AS keys
UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
WITH key, count(p) AS projectCount, sum(p.amountYi) AS total, count(p.amountYi) AS withAmount, collect(p.id) AS projectIds
CALL { WITH key MATCH (g:Entity) WHERE g.id = key RETURN collect(g.name) AS names }
RETURN key, names[0] AS label, projectCount, total, withAmount, projectIds`;

/**
 * The projects a summary covers. One text per combination of filters rather than nullable
 * parameters: Grafeo 0.6 evaluates both sides of `$x IS NULL OR …` for every row. A city matches
 * its districts' and counties' projects too, by the place rule every list's city filter reads
 * (projects(filter: {city}) counts the same projects); a chain its sub-chains' (chainIds).
 */
export const PROJECT_SUMMARY = `
MATCH (p:Project)${SUMMARY_GROUPS}`;

/**
 * The projects in the given cities, found by walking down from each city rather than by testing
 * every project's placeIds (a scan of all projects: 0.1 s at 1M nodes). The walk is the place
 * rule of the derivation run backwards (the cities below, then the projects LOCATED_IN them or IN_PARK
 * a park there, through enclosing parks); placeIds stays the rule: a project the walk finds is kept
 * only if its placeIds name the city, and tests/seeding.test.ts checks the walk finds every project
 * whose placeIds do.
 */
const PROJECTS_IN_CITIES = `
UNWIND $cities AS city
MATCH (:Entity {id: city})<-[:PART_OF*0..3]-(c:City)
WITH DISTINCT city, c
CALL { WITH c MATCH (c)<-[:LOCATED_IN]-(p:Project) RETURN collect(p) AS direct }
CALL { WITH c MATCH (c)<-[:LOCATED_IN]-(:Park)<-[:PART_OF*0..3]-(:Park)<-[:IN_PARK]-(p:Project) RETURN collect(p) AS viaParks }
UNWIND direct + viaParks AS p
WITH city, p WHERE city IN p.placeIds
WITH DISTINCT p`;

export const PROJECT_SUMMARY_IN_CITIES = `${PROJECTS_IN_CITIES}${SUMMARY_GROUPS}`;

export const PROJECT_SUMMARY_OF_CHAINS = `
MATCH (p:Project) WHERE ${ofChains('p', 'chains')}${SUMMARY_GROUPS}`;

export const PROJECT_SUMMARY_IN_CITIES_OF_CHAINS = `${PROJECTS_IN_CITIES}
WHERE ${ofChains('p', 'chains')}${SUMMARY_GROUPS}`;

type Grouping = 'CITY' | 'CHAIN' | 'STATUS' | 'DOCUMENT';
const UNSTATED = '(not stated)';

interface GroupRow {
  key: string | null;
  label: string | null;
  projectCount: number;
  total: number | null;
  withAmount: number;
  projectIds: string[];
}

const amountOf = (p: NodeProps) => (typeof p.amountYi === 'number' ? p.amountYi : -1);

export async function investmentSummary(
  _: unknown,
  args: { groupBy: Grouping; city?: string | null; chain?: string | null },
  ctx: GraphContext,
) {
  const [cities, chains] = await Promise.all([
    args.city != null ? resolveReference(ctx, args.city, ['City'], 'city') : null,
    args.chain != null ? resolveReference(ctx, args.chain, ['IndustryChain'], 'chain') : null,
  ]);
  const cypher = cities
    ? chains
      ? PROJECT_SUMMARY_IN_CITIES_OF_CHAINS
      : PROJECT_SUMMARY_IN_CITIES
    : chains
      ? PROJECT_SUMMARY_OF_CHAINS
      : PROJECT_SUMMARY;
  const rows = await ctx.read<GroupRow>(cypher, { groupBy: args.groupBy, cities, chains });
  ctx.returned(rows.length, 'investmentSummary');
  return rows
    .map((row) => ({
      key: row.key ?? UNSTATED,
      label: row.key == null ? UNSTATED : (row.label ?? row.key),
      totalAmountYi: Math.round((row.total ?? 0) * 100) / 100,
      projectCount: row.projectCount,
      projectsWithAmount: row.withAmount,
      // Resolved only when selected (graphql-js calls function-valued fields), each in one batched query.
      entity: () => (row.key != null && args.groupBy !== 'STATUS' ? ctx.entity.load(row.key) : null),
      projects: async () => {
        ctx.returned(row.projectIds.length, 'investmentSummary.projects');
        const projects = (await loadAll(ctx, row.projectIds)).filter((p): p is NodeProps => p !== null);
        return projects.sort((a, b) => amountOf(b) - amountOf(a) || (a.id < b.id ? -1 : 1));
      },
    }))
    .sort((a, b) => b.totalAmountYi - a.totalAmountYi || (a.key < b.key ? -1 : 1));
}
