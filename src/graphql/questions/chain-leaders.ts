/** chainLeaders(city, park, chain): which chain leaders anchor which parks, with evidence. */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import { factOf, qualifiersOf } from '../fact-values.js';
import { compileUnder } from '../list-compiler.js';
import { inCity, inParks, ofChains } from '../list-queries.js';
import { evidenceOf, type NodeProps } from '../node-props.js';
import { assertResolved, overResolved, referenceParams, resolveInQuery, type ReferableKind } from '../references.js';
import { pick, picked, propertiesAt, selects } from './selection.js';

/** The references chainLeaders filters by, in the order their errors are reported, and what each can name. */
const FILTERS = [
  // Reads `city`, one of the resolved cities: the query runs once per city (chainLeadersText).
  { arg: 'city', kind: 'City', test: (v: string) => inCity(v, 'city') },
  { arg: 'park', kind: 'Park', test: (v: string) => overResolved(inParks, v, 'park') },
  { arg: 'chain', kind: 'IndustryChain', test: (v: string) => overResolved(ofChains, v, 'chain') },
] as const satisfies ReadonlyArray<{ arg: string; kind: ReferableKind; test: (variable: string) => string }>;

type FilterArg = (typeof FILTERS)[number]['arg'];

/**
 * Chain leadership in one query, references and all: the given city, park and chain are resolved
 * inside it (resolveInQuery) and returned with the answer, so a reference that names nothing is
 * still a clear error. A leader is in a city when the city is among its placeIds (its own place or
 * its park's, at every level above; src/knowledge/derived-properties.ts), so chainLeaders(city)
 * names exactly the leaders enterprises(filter: {city}) lists. The anchor parks: parks it is in,
 * plus parks in its city (or under it) that carry the chain it leads (HAS_INDUSTRY). A chain
 * filter includes its sub-chains (the led chain's chainIds hold every chain above it).
 *
 * The walk starts at the chains (a few thousand at 1M nodes) rather than at the enterprises
 * (hundreds of thousands), which Grafeo 0.6 would scan; the place and chain filters run on the
 * pattern's own nodes, before any park is gathered. Of the enterprise, chain and parks only the
 * properties the selection reads come back ($enterpriseKeys, $chainKeys, $parkKeys; a chain's
 * whole map holds every park and place it reaches). Relationship properties are collected as
 * maps, not relationships: Grafeo 0.6 can return another relationship's properties for a
 * collected one. The entities the answer refers to without holding them (each leader's city with
 * $withCity, the documents of its evidence with $withDocuments) are read at the end, whole and
 * once each, so `city` and `evidence { document }` cost no further round trip.
 *
 * One text per combination of filters given: Grafeo 0.6 evaluates both sides of `$x IS NULL OR
 * …`, and a reference not given is not resolved at all. Relationship fields asked under the
 * enterprise or the chain (the explorer's `enterprise { projects { parks } }`) are compiled into
 * the same query, as a list's are (list-compiler.ts compileUnder); the text then depends on them.
 */
function chainLeadersText(
  given: ReadonlySet<FilterArg>,
  under: { calls: string; keys: readonly string[] } = { calls: '', keys: [] },
): string {
  const used = FILTERS.filter((f) => given.has(f.arg));
  const ids = used.map((f) => `${f.arg}Ids`);
  const test = (arg: FilterArg, variable: string) => FILTERS.find((f) => f.arg === arg)!.test(variable);
  // A city filter runs once per resolved city (nearly always one), each leader's test a membership
  // test: any() over the list of cities costs Grafeo 0.6 several times as much per leader.
  const where = [given.has('chain') && test('chain', 'c'), given.has('city') && test('city', 'e')].filter(Boolean);
  const perCity = given.has('city') ? 'UNWIND cityIds AS city\n  ' : '';
  const carried = 'e, l, c, ownParks, ownLinks, hostParks, hostLinks';
  // The park filter reads each park's parkIds, which a picked map may lack: counted where the park is a node.
  const parkIds = given.has('park') ? ', parkIds' : '';
  const distinct = given.has('city') ? `\n  WITH DISTINCT c, l, e${parkIds}` : '';
  const atPark = (park: string, out: string) =>
    given.has('park') ? `, count(CASE WHEN ${test('park', park)} THEN 1 END) AS ${out}` : '';
  const refs = `CASE WHEN $withCity THEN [e.cityId] ELSE [] END + CASE WHEN $withDocuments
      THEN coalesce(l.evidenceDocs, []) + reduce(docs = [], f IN ownLinks + hostLinks | docs + coalesce(f.evidenceDocs, []))
      ELSE [] END`;
  return `${used.map((f) => resolveInQuery(f.arg, [f.kind])).join('\n')}
CALL { ${ids.length ? `WITH ${ids.join(', ')}\n  ` : ''}${perCity}MATCH (c:IndustryChain)<-[l:LEADS_CHAIN]-(e:Enterprise)${where.length ? `\n  WHERE ${where.join(' AND ')}` : ''}${distinct}
  CALL { WITH e${parkIds} MATCH (e)-[ip:IN_PARK]->(p:Park) RETURN collect(${pick('p', 'parkKeys')}) AS ownParks, collect(properties(ip)) AS ownLinks${atPark('p', 'ownAtPark')} }
  CALL { WITH e, c${parkIds}
    MATCH (c)<-[hi:HAS_INDUSTRY]-(hp:Park)
    WHERE e.cityId IN hp.placeIds
    RETURN collect(${pick('hp', 'parkKeys')}) AS hostParks, collect(properties(hi)) AS hostLinks${atPark('hp', 'hostAtPark')} }
  WITH ${carried}${given.has('park') ? `, ownAtPark + hostAtPark AS atPark\n  WHERE atPark > 0\n  WITH ${carried}` : ''}${
    under.keys.length ? `${under.calls}\n  WITH ${carried}, ${under.keys.join(', ')}` : ''
  }
  ORDER BY c.name, e.name
  RETURN collect({enterprise: ${pick('e', 'enterpriseKeys')}, chain: ${pick('c', 'chainKeys')}, cityId: e.cityId, leads: properties(l),
      ownParks: ownParks, ownLinks: ownLinks, hostParks: hostParks, hostLinks: hostLinks${
        under.keys.length ? `, under: {${under.keys.map((k) => `${k}: ${k}`).join(', ')}}` : ''
      }}) AS leaders,
    collect(${refs}) AS refs }
CALL { WITH refs
  UNWIND refs AS ids UNWIND ids AS id
  WITH DISTINCT id WHERE id IS NOT NULL
  MATCH (x:Entity {id: id})
  RETURN collect(properties(x)) AS related }
RETURN ${[...ids, 'leaders', 'related'].join(', ')}`;
}

/** Every combination of filters, keyed by the filters given ('' for none, 'city,park', …): the lint test lints each. */
export const CHAIN_LEADERS: Record<string, string> = Object.fromEntries(
  Array.from({ length: 2 ** FILTERS.length }, (_, mask) => {
    const given = FILTERS.filter((_, i) => mask & (1 << i)).map((f) => f.arg);
    return [given.join(','), chainLeadersText(new Set(given))];
  }),
);

type Picked = NodeProps | unknown[];

interface Leader {
  enterprise: Picked;
  chain: Picked;
  cityId: string | null;
  leads: Record<string, unknown>;
  ownParks: Picked[];
  ownLinks: Array<Record<string, unknown>>;
  hostParks: Picked[];
  hostLinks: Array<Record<string, unknown>>;
  /** The values of the relationship fields compiled under the enterprise and the chain (compileUnder). */
  under?: Record<string, unknown>;
}

type Row = { leaders: Leader[]; related: NodeProps[] } & Partial<Record<`${FilterArg}Ids`, string[]>>;

export async function chainLeaders(
  _: unknown,
  args: { city?: string | null; park?: string | null; chain?: string | null },
  ctx: GraphContext,
  info: GraphQLResolveInfo,
) {
  const given = FILTERS.filter((f) => args[f.arg] != null);
  // A park link's subject is the enterprise (IN_PARK) or a park (HAS_INDUSTRY), its object a park or the chain.
  const keys = {
    enterpriseKeys: propertiesAt(info, ['enterprise'], ['parkLinks', 'subject']),
    chainKeys: propertiesAt(info, ['chain'], ['parkLinks', 'object']),
    parkKeys: propertiesAt(info, ['parks'], ['parkLinks', 'subject'], ['parkLinks', 'object']),
  };
  const params: Record<string, unknown> = {
    ...Object.fromEntries(given.flatMap((f) => Object.entries(referenceParams(f.arg, args[f.arg], f.arg)))),
    ...keys,
    withCity: selects(info, ['city']),
    withDocuments: selects(info, ['evidence', 'document']) || selects(info, ['parkLinks', 'evidence', 'document']),
  };
  // Relationship fields asked under the enterprise or the chain (the explorer's projects and their
  // parks) come with the answer: the text then carries their subqueries.
  const underEnterprise = compileUnder(info, 'ChainLeadership', 'enterprise', 'Enterprise', '_e');
  const underChain = compileUnder(info, 'ChainLeadership', 'chain', 'IndustryChain', '_c');
  const text =
    underEnterprise || underChain
      ? chainLeadersText(new Set(given.map((f) => f.arg)), {
          calls: (underEnterprise?.calls('e', params) ?? '') + (underChain?.calls('c', params) ?? ''),
          keys: [...(underEnterprise?.keys ?? []), ...(underChain?.keys ?? [])],
        })
      : CHAIN_LEADERS[given.map((f) => f.arg).join(',')]!;
  const [row] = await ctx.read<Row>(text, params);
  for (const f of given) assertResolved(args[f.arg], row?.[`${f.arg}Ids`], [f.kind], f.arg);
  const leaders = row?.leaders ?? [];
  ctx.returned(leaders.length, 'chainLeaders');
  // Whole maps only: a picked one would answer another field's load of the same entity with nulls.
  for (const node of row?.related ?? []) ctx.entity.prime(node.id, node);
  return leaders.map((leader) => {
    const enterprise = picked(leader.enterprise, keys.enterpriseKeys);
    const chain = picked(leader.chain, keys.chainKeys);
    const ownParks = leader.ownParks.map((p) => picked(p, keys.parkKeys));
    const hostParks = leader.hostParks.map((p) => picked(p, keys.parkKeys));
    if (!keys.enterpriseKeys) ctx.entity.prime(enterprise.id, enterprise);
    if (!keys.chainKeys) ctx.entity.prime(chain.id, chain);
    if (!keys.parkKeys) for (const p of [...ownParks, ...hostParks]) ctx.entity.prime(p.id, p);
    const parkLinks = [
      ...ownParks.map((p, i) => factOf('IN_PARK', enterprise, p, leader.ownLinks[i] ?? {})),
      ...hostParks.map((p, i) => factOf('HAS_INDUSTRY', p, chain, leader.hostLinks[i] ?? {})),
    ];
    return {
      enterprise: underEnterprise ? underEnterprise.attach(enterprise, leader.under) : enterprise,
      chain: underChain ? underChain.attach(chain, leader.under) : chain,
      role: (leader.leads.role as string | undefined) ?? null,
      basis: leader.leads.basis ?? 'stated',
      reason: (leader.leads.reason as string | undefined) ?? null,
      qualifiers: qualifiersOf('LEADS_CHAIN', leader.leads),
      parks: [...new Map([...ownParks, ...hostParks].map((p) => [p.id, p])).values()],
      parkLinks,
      // Read with the answer (related, primed above): no further store call.
      city: () => (leader.cityId ? ctx.entity.load(leader.cityId) : null),
      evidence: [...evidenceOf(leader.leads), ...parkLinks.flatMap((f) => f.evidence)],
    };
  });
}
