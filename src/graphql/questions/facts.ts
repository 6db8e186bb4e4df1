/**
 * facts(type, subject, object, basis, status, designationStatus, document, first, after): the
 * relationships curators state, each with its ends, basis, qualifiers and evidence, in the order
 * (type, subject id, object id), paged by that key.
 *
 * Which text runs depends on what anchors the search: a subject or an object (an index seek, then
 * that node's relationships), else one type at a time (a scan of that type alone: the type is
 * written in the pattern, as Grafeo 0.6 filters an untyped pattern only after expanding every
 * relationship), else every fact. Relationship types come from the seed schema, never from a
 * request. The Cypher lint test lints every exported text.
 */
import { BadUserInputError } from '../../errors.js';
import {
  DESIGNATION_STATUS_PREDICATES,
  FACT_STATUS_PREDICATES,
  PREDICATE_NAMES,
  SYMMETRIC_PREDICATES,
} from '../../knowledge/seed-schema.js';
import type { GraphContext } from '../context.js';
import { factOf } from '../fact-values.js';
import type { NodeProps } from '../node-props.js';
import { MAX_PAGE, pageSize } from '../page-sizes.js';
import { resolveReference } from '../references.js';

const ALL_PREDICATES = [...PREDICATE_NAMES].sort().join('|');

/** The filters every text applies after its pattern; $types is always set. */
const FILTERS = `
  AND ($bases IS NULL OR r.basis IN $bases)
  AND ($statuses IS NULL OR (type(r) IN $statusTypes AND coalesce(r.status, 'existing') IN $statuses))
  AND ($designationStatuses IS NULL OR (type(r) IN $designationTypes AND r.status IN $designationStatuses))
  AND ($document IS NULL OR $document IN r.evidenceDocs)`;

/** Keyset: after the (type, subject, object) of the last fact of the previous page. */
const PAGE = `
WITH s, r, o, type(r) AS type
WHERE $afterType IS NULL OR type > $afterType OR (type = $afterType AND (s.id > $afterSubject OR (s.id = $afterSubject AND o.id > $afterObject)))
WITH s, r, o, type ORDER BY type, s.id, o.id LIMIT $limit
RETURN type, properties(s) AS subject, properties(o) AS object, properties(r) AS rel`;

const COUNT = `
RETURN count(r) AS total`;

/**
 * From given subjects: their relationships of the types, outgoing, and a symmetric fact from
 * either end (shown from the subject; once when both ends are subjects).
 */
const FROM_SUBJECTS = `
UNWIND $subjects AS subjectId
MATCH (s:Entity {id: subjectId})-[r:${ALL_PREDICATES}]-(o:Entity)
WHERE type(r) IN $types
  AND (startNode(r) = s OR (type(r) IN $symmetric AND NOT o.id IN $subjects))
  AND ($objects IS NULL OR o.id IN $objects)${FILTERS}`;

/** From given objects (no subject given): their relationships, incoming, or symmetric from either end. */
const TO_OBJECTS = `
UNWIND $objects AS objectId
MATCH (o:Entity {id: objectId})-[r:${ALL_PREDICATES}]-(s:Entity)
WHERE type(r) IN $types
  AND (endNode(r) = o OR (type(r) IN $symmetric AND NOT s.id IN $objects))${FILTERS}`;

/** One type, every fact of it: its type in the pattern. */
const ofType = (type: string) => `
MATCH (s:Entity)-[r:${type}]->(o:Entity)
WHERE true${FILTERS}`;

/** Every fact of every type. */
const EVERY = `
MATCH (s:Entity)-[r:${ALL_PREDICATES}]->(o:Entity)
WHERE true${FILTERS}`;

export const FACTS_FROM_SUBJECTS = FROM_SUBJECTS + PAGE;
export const FACTS_FROM_SUBJECTS_COUNT = FROM_SUBJECTS + COUNT;
export const FACTS_TO_OBJECTS = TO_OBJECTS + PAGE;
export const FACTS_TO_OBJECTS_COUNT = TO_OBJECTS + COUNT;
export const FACTS_OF_TYPE: Record<string, string> = Object.fromEntries(
  PREDICATE_NAMES.map((t) => [t, ofType(t) + PAGE]),
);
export const FACTS_OF_TYPE_COUNT: Record<string, string> = Object.fromEntries(
  PREDICATE_NAMES.map((t) => [t, ofType(t) + COUNT]),
);
export const EVERY_FACT = EVERY + PAGE;
export const EVERY_FACT_COUNT = EVERY + COUNT;

interface FactsArgs {
  type?: string[] | null;
  subject?: string | null;
  object?: string | null;
  basis?: string[] | null;
  status?: string[] | null;
  designationStatus?: string[] | null;
  document?: string | null;
  first?: number | null;
  after?: string | null;
}

interface Row {
  type: string;
  subject: NodeProps;
  object: NodeProps;
  rel: Record<string, unknown>;
}

type Key = [type: string, subject: string, object: string];

const encodeKey = (key: Key) => Buffer.from(JSON.stringify(key)).toString('base64url');
function decodeKey(cursor: string | null | undefined): Key | null {
  if (cursor == null) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 3 && key.every((k) => typeof k === 'string') && /^[\w-]+$/.test(cursor))
      return key as Key;
  } catch {
    // not ours: refused below
  }
  throw new BadUserInputError(`after: "${cursor.slice(0, 40)}" is not a cursor facts issued`, 'after');
}

/** The types to search: those asked for, narrowed to the ones a status filter can match. */
function typesOf(args: FactsArgs): string[] {
  const asked = args.type?.length ? [...new Set(args.type)] : null;
  const status = args.status?.length ? args.status : null;
  const designationStatus = args.designationStatus?.length ? args.designationStatus : null;
  if (status && designationStatus)
    throw new BadUserInputError(
      'status and designationStatus exclude each other: a HAS_DESIGNATION fact has a designation status, every other fact a fact status',
      'designationStatus',
    );
  let types = asked ?? [...PREDICATE_NAMES];
  const narrow = (allowed: readonly string[], field: string) => {
    const kept = types.filter((t) => allowed.includes(t));
    if (kept.length === 0)
      throw new BadUserInputError(
        `${field}: no fact of type ${types.join(', ')} has one; it applies to ${allowed.join(', ')}`,
        field,
      );
    types = kept;
  };
  if (status) narrow(FACT_STATUS_PREDICATES, 'status');
  if (designationStatus) narrow(DESIGNATION_STATUS_PREDICATES, 'designationStatus');
  return types.sort();
}

export async function facts(_: unknown, args: FactsArgs, ctx: GraphContext) {
  const limit = pageSize(args.first, MAX_PAGE);
  const after = decodeKey(args.after);
  const types = typesOf(args);
  const document = args.document?.trim() || null;
  const [subjects, objects] = await Promise.all([
    args.subject != null ? resolveReference(ctx, args.subject, null, 'subject') : null,
    args.object != null ? resolveReference(ctx, args.object, null, 'object') : null,
  ]);
  const params = {
    types,
    subjects,
    objects,
    symmetric: [...SYMMETRIC_PREDICATES],
    bases: args.basis?.length ? args.basis : null,
    statuses: args.status?.length ? args.status : null,
    statusTypes: [...FACT_STATUS_PREDICATES],
    designationStatuses: args.designationStatus?.length ? args.designationStatus : null,
    designationTypes: [...DESIGNATION_STATUS_PREDICATES],
    document,
    afterType: after?.[0] ?? null,
    afterSubject: after?.[1] ?? null,
    afterObject: after?.[2] ?? null,
  };

  let rows: Row[];
  let total: number;
  const one = async (page: string, count: string) => {
    const [r, c] = await Promise.all([
      ctx.read<Row>(page, { ...params, limit: limit + 1 }),
      ctx.read<{ total: number }>(count, params),
    ]);
    return { rows: r, total: c[0]?.total ?? 0 };
  };
  if (subjects) ({ rows, total } = await one(FACTS_FROM_SUBJECTS, FACTS_FROM_SUBJECTS_COUNT));
  else if (objects) ({ rows, total } = await one(FACTS_TO_OBJECTS, FACTS_TO_OBJECTS_COUNT));
  else if (types.length === PREDICATE_NAMES.length) ({ rows, total } = await one(EVERY_FACT, EVERY_FACT_COUNT));
  else {
    // Type by type, in order, from the cursor's: each scans its own type only.
    const counts = await Promise.all(types.map((t) => ctx.read<{ total: number }>(FACTS_OF_TYPE_COUNT[t]!, params)));
    total = counts.reduce((sum, c) => sum + (c[0]?.total ?? 0), 0);
    rows = [];
    for (const [i, t] of types.entries()) {
      if (rows.length > limit) break;
      if ((counts[i]![0]?.total ?? 0) === 0 || (after && t < after[0])) continue;
      rows.push(...(await ctx.read<Row>(FACTS_OF_TYPE[t]!, { ...params, limit: limit + 1 - rows.length })));
    }
  }

  const page = rows.slice(0, limit);
  ctx.returned(page.length, 'facts');
  const nodes = page.map((row) => {
    ctx.entity.prime(row.subject.id, row.subject);
    ctx.entity.prime(row.object.id, row.object);
    return factOf(row.type, row.subject, row.object, row.rel);
  });
  const edges = nodes.map((node) => ({
    cursor: encodeKey([node.type, node.subject.id, node.object.id]),
    node,
  }));
  return {
    totalCount: total,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
    nodes,
  };
}
