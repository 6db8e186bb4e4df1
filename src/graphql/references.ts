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

/** The bodies placed in some cities (at any level under them): a city issues through its government and bureaus. */
export const BODIES_IN_CITIES = `
MATCH (o:Organization) WHERE any(x IN o.placeIds WHERE x IN $cities)
RETURN o.id AS id
ORDER BY id`;

/** Which of the given entities are cities. */
export const CITIES_AMONG = `
MATCH (n:Entity) WHERE n.id IN $ids AND n.kind = 'City'
RETURN n.id AS id`;

export async function resolveReference(
  ctx: GraphContext,
  ref: string,
  kinds: string[] | null,
  field: string,
): Promise<string[]> {
  const raw = ref.trim();
  if (!raw) throw new BadUserInputError(`${field} must not be empty`, field);
  if (raw.length > 200) throw new BadUserInputError(`${field} is longer than 200 characters`, field);
  let rows = await ctx.read<{ id: string }>(ID_SHAPE.test(raw) ? REFERENCE_BY_ID : REFERENCE_BY_NAME, {
    kinds,
    ref: raw,
  });
  if (rows.length === 0) {
    // Aliases, Traditional, English and pinyin forms: the full-text index narrows, the key decides.
    const hits = await ctx.search(normalizeText(raw), 50);
    if (hits.length)
      rows = await ctx.read<{ id: string }>(MATCH_NAME_KEY, { ids: hits.map((h) => h.id), key: nameKey(raw), kinds });
  }
  if (rows.length === 0) {
    throw new BadUserInputError(
      `${field}: no ${kinds?.join(' or ') ?? 'entity'} is called "${raw}" (use an id, a name or an alias)`,
      field,
    );
  }
  return rows.map((r) => r.id);
}

/**
 * An issuer: an organisation, or a city standing for itself and every body placed in it or under
 * it (its government, its bureaus, its districts' bodies).
 */
export async function issuersIn(ctx: GraphContext, ref: string, field: string): Promise<string[]> {
  const ids = await resolveReference(ctx, ref, ['Organization', 'City'], field);
  const cities = (await ctx.read<{ id: string }>(CITIES_AMONG, { ids })).map((c) => c.id);
  if (cities.length === 0) return ids;
  const bodies = await ctx.read<{ id: string }>(BODIES_IN_CITIES, { cities });
  return [...new Set([...ids, ...bodies.map((b) => b.id)])];
}
