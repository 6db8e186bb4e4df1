/**
 * Turns what a user types for a city, park, chain or issuer (an id, the canonical name, any
 * alias, in Simplified or Traditional Chinese, English or pinyin) into entity ids.
 */
import { nameKey, normalizeText } from '../text/chinese.js';
import type { GraphContext } from './context.js';
import { BadUserInputError } from '../errors.js';
import { MATCH_NAME_KEY, PLACES_WITHIN, REFERENCE_BY_ID, REFERENCE_BY_NAME } from './graph-queries.js';

/** What an id looks like (city:shaoguan); anything else is a name. */
const ID_SHAPE = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;

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

/** Every city id under the given cities (districts, counties) plus the parks located there. */
export async function placesWithin(ctx: GraphContext, ref: string, field: string): Promise<string[]> {
  const cities = await resolveReference(ctx, ref, ['City'], field);
  return (await ctx.read<{ places: string[] }>(PLACES_WITHIN, { ids: cities }))[0]?.places ?? cities;
}
