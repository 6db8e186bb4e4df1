/**
 * Turns what a user types for a city, park, chain, designation or issuer (an id, the canonical
 * name, any alias, in Simplified or Traditional Chinese, English or pinyin) into entity ids. What
 * is under a city, a park or a chain is not worked out here: every node carries the places, parks
 * and chains it is in (src/knowledge/derived-properties.ts), and the filters read those. The
 * Cypher lint test lints every exported text.
 */
import { BadUserInputError } from '../errors.js';
import { nameKey, normalizeText } from '../text/chinese.js';
import type { GraphContext } from './context.js';

/** What an id looks like (city:shaoguan); anything else is a name. */
const ID_SHAPE = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;

/**
 * An entity by id (an index lookup). Written as WHERE n.id = $ref AND …: Grafeo 0.6 drops the
 * index for a property-map pattern followed by a WHERE (21 ms instead of 0.07 ms at 100k nodes).
 */
export const REFERENCE_BY_ID = `
MATCH (n:Entity) WHERE n.id = $ref AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id`;

/** Entities by canonical name (an index lookup); aliases go through the full-text index instead. */
export const REFERENCE_BY_NAME = `
MATCH (n:Entity) WHERE n.name = $ref AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id
ORDER BY id`;

/** Candidates from the full-text index whose name keys contain the key exactly. */
export const MATCH_NAME_KEY = `
MATCH (n:Entity) WHERE n.id IN $ids AND $key IN n.nameKeys AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n.id AS id
ORDER BY id`;

/** The kinds a reference can name inside a query: few enough that a label scan is cheap (at 1M nodes, 2–12 thousand each). */
export const REFERABLE_KINDS = ['City', 'Park', 'IndustryChain', 'Designation', 'Organization', 'Policy'] as const;
export type ReferableKind = (typeof REFERABLE_KINDS)[number];

/**
 * A reference resolved inside the query that uses it, so resolving costs no round trip of its own:
 * a CALL that yields `${param}Ids`, the ids of the entities of `kinds` whose id or canonical name
 * is `$${param}`, or else those whose name keys (aliases, Traditional, English, pinyin forms) hold
 * `$${param}Key`; resolveReference's rule, in one statement. Empty when `$${param}` is null. Bind
 * the parameters with referenceParams; check the yielded ids with assertResolved (an empty list
 * for a given reference is a user error, never an empty answer).
 */
export function resolveInQuery(param: string, kinds: readonly ReferableKind[]): string {
  const ids = `${param}Ids`;
  const perKind = kinds.map(
    (
      kind,
      i,
    ) => `CALL { MATCH (r:${kind}) WHERE $${param} IS NOT NULL AND (r.id = $${param} OR r.name = $${param} OR $${param}Key IN r.nameKeys)
  RETURN collect(CASE WHEN r.id = $${param} OR r.name = $${param} THEN r.id END) AS exact${i}, collect(r.id) AS keyed${i} }`,
  );
  const exact = kinds.map((_, i) => `exact${i}`).join(' + ');
  const keyed = kinds.map((_, i) => `keyed${i}`).join(' + ');
  return `CALL {
  ${perKind.join('\n  ')}
  RETURN CASE WHEN size(${exact}) > 0 THEN ${exact} ELSE ${keyed} END AS ${ids} }`;
}

/**
 * A filter written over a parameter of ids (list-queries.ts's inParks, ofChains), reading
 * the ids resolveInQuery yielded for `param` instead: the same rule, no second wording of it.
 */
export const overResolved = (rule: (variable: string, param: string) => string, variable: string, param: string) =>
  rule(variable, `${param}Ids`).replaceAll(`$${param}Ids`, `${param}Ids`);

/** The parameters resolveInQuery reads for a reference the user gave (or null: no filter). */
export function referenceParams(param: string, value: string | null | undefined, field: string) {
  if (value == null) return { [param]: null, [`${param}Key`]: null };
  const raw = checkedReference(value, field);
  return { [param]: raw, [`${param}Key`]: nameKey(raw) };
}

/** A reference the user gave that named nothing: a clear error, never an empty answer. */
export function assertResolved(
  value: string | null | undefined,
  ids: readonly string[] | null | undefined,
  kinds: readonly string[] | null,
  field: string,
): void {
  if (value != null && !ids?.length) throw unresolved(value.trim(), kinds, field);
}

function checkedReference(ref: string, field: string): string {
  const raw = ref.trim();
  if (!raw) throw new BadUserInputError(`${field} must not be empty`, field);
  if (raw.length > 200) throw new BadUserInputError(`${field} is longer than 200 characters`, field);
  return raw;
}

const unresolved = (raw: string, kinds: readonly string[] | null, field: string) =>
  new BadUserInputError(
    `${field}: no ${kinds?.join(' or ') ?? 'entity'} is called "${raw}" (use an id, a name or an alias)`,
    field,
  );

export async function resolveReference(
  ctx: GraphContext,
  ref: string,
  kinds: string[] | null,
  field: string,
): Promise<string[]> {
  const raw = checkedReference(ref, field);
  const rows = await ctx.read<{ id: string }>(ID_SHAPE.test(raw) ? REFERENCE_BY_ID : REFERENCE_BY_NAME, {
    kinds,
    ref: raw,
  });
  return rows.length ? rows.map((r) => r.id) : resolveAlias(ctx, raw, kinds, field);
}

/**
 * A reference that is neither an id nor a canonical name: an alias, a Traditional, English or
 * pinyin form. The full-text index narrows, the name key decides; a clear error when nothing matches.
 */
export async function resolveAlias(
  ctx: GraphContext,
  ref: string,
  kinds: string[] | null,
  field: string,
): Promise<string[]> {
  const raw = checkedReference(ref, field);
  const hits = await ctx.search(normalizeText(raw), 50);
  const rows = hits.length
    ? await ctx.read<{ id: string }>(MATCH_NAME_KEY, { ids: hits.map((h) => h.id), key: nameKey(raw), kinds })
    : [];
  if (rows.length === 0) throw unresolved(raw, kinds, field);
  return rows.map((r) => r.id);
}

/**
 * References to entities of any kind (facts' subject and object, connections' ends), resolved
 * inside the query that uses them: a CALL that yields `${param}Ids`, the entities whose id is in
 * `$${param}Candidates` (and, when `$${param}Key` is set, whose name keys hold it: the alias rule
 * of MATCH_NAME_KEY over the full-text index's hits) or whose canonical name is `$${param}Name`.
 * withCandidates sets them: first by the reference's shape, as resolveReference reads it; for an
 * alias, from the full-text hits, the query then run once more. Each lookup an index seek: a
 * reference's shape rules out the other, which gets '' or [] (a null would cost Grafeo 0.6 a scan).
 */
export const candidatesInQuery = (param: string) => `CALL {
  CALL { UNWIND $${param}Candidates AS candidate
    MATCH (n:Entity) WHERE n.id = candidate AND ($${param}Key IS NULL OR $${param}Key IN n.nameKeys)
    RETURN collect(n.id) AS byId }
  CALL { MATCH (n:Entity) WHERE n.name = $${param}Name RETURN collect(n.id) AS byName }
  RETURN byId + byName AS ${param}Ids }`;

/** The ids candidatesInQuery yielded for `param`, as the query returned them. */
const idsOf = (row: object | undefined, param: string) =>
  (row as Record<string, string[] | undefined> | undefined)?.[`${param}Ids`];

/** The parameters candidatesInQuery reads for a reference by its shape (null: none given). */
function candidateParams(param: string, raw: string | null) {
  const byId = raw !== null && ID_SHAPE.test(raw);
  return {
    [`${param}Candidates`]: byId ? [raw] : [],
    [`${param}Key`]: null,
    [`${param}Name`]: byId ? '' : (raw ?? ''),
  };
}

/**
 * Runs a query that resolves its references itself (candidatesInQuery, one per entry of `refs`:
 * parameter → what the user gave; null: not given, its parameters name nothing). A reference that
 * named nothing is an alias, a Traditional, English or pinyin form: the full-text index narrows
 * (one call for each), the name key decides inside the query, run once more. One that still names
 * nothing is a clear error, never an empty answer. Returns the query's row.
 */
export async function withCandidates<R extends object>(
  ctx: GraphContext,
  refs: Record<string, string | null | undefined>,
  run: (params: Record<string, unknown>) => Promise<R | undefined>,
): Promise<R | undefined> {
  const given = Object.entries(refs).map(([param, value]) => ({
    param,
    raw: value == null ? null : checkedReference(value, param),
  }));
  let params: Record<string, unknown> = {};
  for (const { param, raw } of given) params = { ...params, ...candidateParams(param, raw) };
  let row = await run(params);
  const aliases = given.filter(({ param, raw }) => raw !== null && !idsOf(row, param)?.length);
  if (aliases.length) {
    const found = await Promise.all(
      aliases.map(async ({ param, raw }) => {
        const hits = await ctx.search(normalizeText(raw!), 50);
        if (hits.length === 0) throw unresolved(raw!, null, param);
        return { [`${param}Candidates`]: hits.map((h) => h.id), [`${param}Key`]: nameKey(raw!), [`${param}Name`]: '' };
      }),
    );
    for (const f of found) params = { ...params, ...f };
    row = await run(params);
  }
  for (const { param, raw } of given) assertResolved(raw, idsOf(row, param), null, param);
  return row;
}
