/**
 * How many rows a field may return: the bounds of every `first` argument, in one place, read by
 * the resolvers that apply them and by the complexity rule that prices them before execution.
 */
import { BadUserInputError } from '../errors.js';

/** Root lists (cities, parks, …) and nodes(ids). */
export const MAX_PAGE = 100;
/** Relationship fields (declared with @relation) and relations(). */
export const MAX_RELATIONS = 500;
/** search. */
export const MAX_SEARCH_PAGE = 50;
/** connections: paths per answer. */
export const MAX_PATHS = 20;

/** `first` checked against its bound: a whole number from 0 to max (max when not given). */
export function pageSize(first: number | null | undefined, max: number, field = 'first'): number {
  const n = first ?? max;
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new BadUserInputError(`${field} must be an integer from 0 to ${max}, got ${n}`, field);
  return n;
}
