/**
 * Turns what a user types for a city, park, chain or issuer (an id, the canonical name, any
 * alias, in Simplified or Traditional Chinese, English or pinyin) into entity ids, and a city into
 * the places under it. The place hierarchy's relationship types come from the @relation fields
 * marked CITY (relation-model.ts): a city's parent, a park's city and enclosing park. The Cypher
 * lint test lints every exported text.
 */
import { BadUserInputError } from '../errors.js';
import { nameKey, normalizeText } from '../text/chinese.js';
import type { GraphContext } from './context.js';
import { outgoingFilterTypes } from './relation-model.js';

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

const CITY_UP = outgoingFilterTypes('City', 'CITY').join('|');
const PARK_UP = outgoingFilterTypes('Park', 'CITY').join('|');

/**
 * A city and everything under it (districts, counties), with the parks located there and their
 * sub-parks. Each pattern starts at a bound place and names its relationship types hop by hop:
 * a two-hop variable-length pattern from a city walked every enterprise and project located in
 * it on the way to the parks (twice as slow at 100k nodes).
 */
export const PLACES_WITHIN = `
UNWIND $ids AS topId
MATCH (top:Entity {id: topId})
CALL { WITH top MATCH (top)<-[:${CITY_UP}*0..3]-(d:City) RETURN collect(DISTINCT d.id) AS below }
WITH collect(DISTINCT top.id) AS tops, collect(below) AS belows
WITH reduce(acc = tops, b IN belows | acc + [x IN b WHERE NOT x IN acc]) AS cityIds
CALL { WITH cityIds
  UNWIND cityIds AS cityId
  MATCH (:Entity {id: cityId})<-[:${PARK_UP}]-(p:Park)
  CALL { WITH p MATCH (p)<-[:${PARK_UP}]-(sub:Park) RETURN collect(sub.id) AS subs }
  RETURN collect(DISTINCT p.id) AS direct, collect(subs) AS subLists }
WITH cityIds, reduce(acc = direct, s IN subLists | acc + [x IN s WHERE NOT x IN acc]) AS parkIds
RETURN cityIds + parkIds AS places`;

/** Which of the given entities are cities. */
export const CITIES_AMONG = `
MATCH (n:Entity) WHERE n.id IN $ids AND n.kind = 'City'
RETURN n.id AS id`;

/** A city stands for itself and for the bodies placed in it (its government, bureaus …) as an issuer. */
export const ISSUERS_IN = `
MATCH (i:Entity) WHERE i.id IN $ids
OPTIONAL MATCH (o:Organization)-[:${outgoingFilterTypes('Organization', 'CITY').join('|')}]->(c:Entity) WHERE c.id IN $ids
RETURN collect(DISTINCT i.id) + collect(DISTINCT o.id) AS issuers`;

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

/** An issuer given as a city means the city and the bodies placed in it (or its districts). */
export async function issuersIn(ctx: GraphContext, ref: string, field: string): Promise<string[]> {
  const ids = await resolveReference(ctx, ref, ['Organization', 'City'], field);
  const cities = await ctx.read<{ id: string }>(CITIES_AMONG, { ids });
  if (cities.length === 0) return ids;
  const places = (await Promise.all(cities.map((c) => placesWithin(ctx, c.id, field)))).flat();
  const rows = await ctx.read<{ issuers: string[] }>(ISSUERS_IN, { ids: [...new Set([...ids, ...places])] });
  return rows[0]?.issuers ?? ids;
}
