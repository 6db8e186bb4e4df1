/**
 * facts(type, subject, object, basis, status, designationStatus, document, first, after): the
 * relationships curators state, each with its ends, basis, qualifiers and evidence, in the order
 * (type, subject id, object id), paged by that key.
 *
 * Which text runs depends on what anchors the search: a subject or an object (an index seek, then
 * that node's relationships), else one type at a time (a scan of that type alone: the type is
 * written in the pattern, as Grafeo 0.6 filters an untyped pattern only after expanding every
 * relationship; several types side by side), else every fact. Each text answers the count and the
 * page together and resolves the subject and object itself, so a request costs one store call
 * (per type), plus the full-text call and a second run for an alias. Relationship types come from
 * the seed schema, never from a request. The Cypher lint test lints every exported text.
 */
import { BadUserInputError } from '../../errors.js';
import {
  DESIGNATION_STATUS_PREDICATES,
  FACT_STATUS_PREDICATES,
  PREDICATE_NAMES,
  PREDICATES,
  SYMMETRIC_PREDICATES,
  type Predicate,
} from '../../knowledge/seed-schema.js';
import type { GraphContext } from '../context.js';
import { factOf } from '../fact-values.js';
import type { NodeProps } from '../node-props.js';
import { MAX_PAGE, pageSize } from '../page-sizes.js';
import { candidatesInQuery, REFERABLE_KINDS, withCandidates } from '../references.js';

const ALL_PREDICATES = [...PREDICATE_NAMES].sort().join('|');
const SYMMETRIC = [...SYMMETRIC_PREDICATES].sort().join('|');

/** The filters every text applies after its pattern; $types is always set. */
const FILTERS = `
  AND ($bases IS NULL OR r.basis IN $bases)
  AND ($statuses IS NULL OR (type(r) IN $statusTypes AND coalesce(r.status, 'existing') IN $statuses))
  AND ($designationStatuses IS NULL OR (type(r) IN $designationTypes AND r.status IN $designationStatuses))
  AND ($document IS NULL OR $document IN r.evidenceDocs)`;

/**
 * The count and one page of a match, in one statement: two CALLs over the same pattern, so a
 * request costs one round trip. The page is keyset-paged: after the (type, subject, object) of
 * the last fact of the previous page.
 */
const countAndPage = (imports: string, match: string) => `
CALL { ${imports}${match}
  RETURN count(r) AS total }
CALL { ${imports}${match}
  WITH s, r, o, type(r) AS type
  WHERE $afterType IS NULL OR type > $afterType OR (type = $afterType AND (s.id > $afterSubject OR (s.id = $afterSubject AND o.id > $afterObject)))
  WITH s, r, o, type ORDER BY type, s.id, o.id LIMIT $limit
  RETURN collect({type: type, subject: properties(s), object: properties(o), rel: properties(r)}) AS rows }`;

/**
 * From given subjects: their relationships of the types, outgoing, and a symmetric fact from
 * either end (shown from the subject; once when both ends are subjects). The subject, and the
 * object when given, are resolved in the query (candidatesInQuery). Outgoing and incoming
 * symmetric relationships are two patterns joined by UNION ALL: one pattern in both directions
 * would expand every incoming relationship (a busy city's thousands of LOCATED_IN) only to drop
 * them, 3× slower for a prefecture at 10k nodes and more as the graph grows.
 */
export const FACTS_FROM_SUBJECTS = `
${candidatesInQuery('subject')}
${candidatesInQuery('object')}${countAndPage(
  'WITH subjectIds, objectIds\n  ',
  `CALL { WITH subjectIds
    UNWIND subjectIds AS subjectId
    MATCH (s:Entity {id: subjectId})-[r:${ALL_PREDICATES}]->(o:Entity) RETURN s, r, o
    UNION ALL WITH subjectIds
    UNWIND subjectIds AS subjectId
    MATCH (s:Entity {id: subjectId})<-[r:${SYMMETRIC}]-(o:Entity)
    WITH s, r, o, subjectIds WHERE NOT o.id IN subjectIds RETURN s, r, o }
  WITH s, r, o, objectIds WHERE type(r) IN $types
    AND (NOT $objectGiven OR o.id IN objectIds)${FILTERS}`,
)}
RETURN subjectIds, objectIds, total, rows`;

/** From given objects (no subject given): their relationships, incoming, or symmetric from either end. */
export const FACTS_TO_OBJECTS = `
${candidatesInQuery('object')}${countAndPage(
  'WITH objectIds\n  ',
  `CALL { WITH objectIds
    UNWIND objectIds AS objectId
    MATCH (o:Entity {id: objectId})<-[r:${ALL_PREDICATES}]-(s:Entity) RETURN s, r, o
    UNION ALL WITH objectIds
    UNWIND objectIds AS objectId
    MATCH (o:Entity {id: objectId})-[r:${SYMMETRIC}]->(s:Entity)
    WITH s, r, o, objectIds WHERE NOT s.id IN objectIds RETURN s, r, o }
  WITH s, r, o WHERE type(r) IN $types${FILTERS}`,
)}
RETURN objectIds, total, rows`;

/**
 * One type, every fact of it: its type in the pattern. When all the kinds the model allows as its
 * subject are small (REFERABLE_KINDS), the scan starts from their labels, one pattern per label
 * joined by UNION ALL (Grafeo 0.6 parses no label disjunction): from :Entity, Grafeo 0.6 expands
 * every entity's relationships, 20 times slower for PAIRED_WITH at 100k nodes. The build checks
 * every fact's ends against the model, so no fact of the type is left out.
 */
function ofType(type: Predicate): string {
  const from = PREDICATES[type].from;
  const small = from.every((kind) => (REFERABLE_KINDS as readonly string[]).includes(kind));
  const match = (subject: string) => `MATCH (s:${subject})-[r:${type}]->(o:Entity)`;
  if (!small) return `${match('Entity')}\n  WHERE true${FILTERS}`;
  if (from.length === 1) return `${match(from[0]!)}\n  WHERE true${FILTERS}`;
  return `CALL { ${from.map((kind) => `${match(kind)} RETURN s, r, o`).join('\n    UNION ALL ')} }
  WITH s, r, o WHERE true${FILTERS}`;
}

export const FACTS_OF_TYPE: Record<string, string> = Object.fromEntries(
  PREDICATE_NAMES.map((t) => [t, `${countAndPage('', ofType(t))}\nRETURN total, rows`]),
);

/** Every fact of every type. */
export const EVERY_FACT = `${countAndPage(
  '',
  `MATCH (s:Entity)-[r:${ALL_PREDICATES}]->(o:Entity)
  WHERE true${FILTERS}`,
)}
RETURN total, rows`;

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

/** What every facts text returns: the count, one page, and the ids its references resolved to. */
interface Answer {
  total: number;
  rows: Row[];
  subjectIds?: string[];
  objectIds?: string[];
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
  const params = {
    types,
    bases: args.basis?.length ? args.basis : null,
    statuses: args.status?.length ? args.status : null,
    statusTypes: [...FACT_STATUS_PREDICATES],
    designationStatuses: args.designationStatus?.length ? args.designationStatus : null,
    designationTypes: [...DESIGNATION_STATUS_PREDICATES],
    document,
    afterType: after?.[0] ?? null,
    afterSubject: after?.[1] ?? null,
    afterObject: after?.[2] ?? null,
    limit: limit + 1,
  };

  let answer: Answer | undefined;
  if (args.subject != null || args.object != null) {
    // The subjects' text reads the object's parameters too (a filter when given); the objects' text only those.
    answer = await withCandidates<Answer>(
      ctx,
      args.subject != null ? { subject: args.subject, object: args.object } : { object: args.object },
      async (refs) =>
        (
          await ctx.read<Answer>(args.subject != null ? FACTS_FROM_SUBJECTS : FACTS_TO_OBJECTS, {
            ...params,
            ...refs,
            ...(args.subject != null && { objectGiven: args.object != null }),
          })
        )[0],
    );
  } else if (types.length === PREDICATE_NAMES.length) {
    [answer] = await ctx.read<Answer>(EVERY_FACT, params);
  } else {
    // Type by type, side by side: each scans its own type only; in type order, the page is the
    // first rows after the cursor (each text skips the types before the cursor's).
    const answers = (await Promise.all(types.map((t) => ctx.read<Answer>(FACTS_OF_TYPE[t]!, params)))).map(([a]) => a);
    answer = {
      total: answers.reduce((sum, a) => sum + (a?.total ?? 0), 0),
      rows: answers.flatMap((a) => a?.rows ?? []),
    };
  }
  const rows = answer?.rows ?? [];
  const total = answer?.total ?? 0;

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
