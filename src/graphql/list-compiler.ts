/**
 * The list compiler: a list field's request (cities, parks, …) as ONE Cypher query, in the spirit
 * of @neo4j/graphql's translate layer. The filter's references (city, park, chain, designation,
 * issuer) are resolved inside it (references.ts resolveInQuery), totalCount and the page come from
 * it, and the nested relationship fields the selection asks for (@relation fields, the generic
 * relations(types, direction, first), and the entities a derived id names: a located kind's city,
 * a city's prefecture and province) are CALL
 * subqueries under each node, with their `first` limits and their order (name, id), returning only
 * the properties the selection reads. The resolvers of those fields then read the precomputed
 * values (precomputed() below) instead of loading. With filters, one pass finds the matching ids
 * (counted for totalCount, the page read back by id); a city filter on the kinds placed through
 * LOCATED_IN and IN_PARK walks down from the city (list-queries.ts walkFromCities) instead of
 * testing every node's placeIds; on the other kinds it runs once per city (UNWIND), testing
 * membership in each node's placeIds after the cheaper conditions (an indicator's year, indexed).
 *
 * What is not compiled keeps working through the resolvers' own loading (relationships.ts,
 * entity-resolvers.ts), since every compiled node carries its id, its kind and the properties its
 * selection reads: `documents`, evidence documents, a relationship
 * field with a `kinds` argument or to several kinds, fields under an interface (Entity) target or
 * in a fragment on another type, and a field whose `first` is out of bounds (its resolver then
 * reports the error at its path). A value is looked up by the exact field nodes graphql-js merged
 * for the field, so a selection collected differently falls back rather than answering wrongly.
 *
 * node(id) goes the same way (compileNode): the entity and the relationship fields its selection
 * asks for, in one query.
 *
 * The text depends on the selection and on which filters are given (one text per shape, as
 * @neo4j/graphql does): every value is a parameter; labels, relationship types and property names
 * come from the schema. tests/list-compiler.test.ts checks answers against the resolvers' own
 * loading and lints every compiled text of the snapshot operations with Neo4j's parser.
 */
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { BadUserInputError } from '../errors.js';
import { NODE_LABELS } from '../knowledge/seed-schema.js';
import { docNumberKey, normalizeText } from '../text/chinese.js';
import type { GraphContext } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { LIST_FILTERS, REFERENCE_KINDS, walkFromCities } from './list-queries.js';
import { DERIVED_ENTITY_FIELDS, type NodeProps } from './node-props.js';
import { MAX_PAGE, MAX_RELATIONS, pageSize } from './page-sizes.js';
import { assertResolved, referenceParams, resolveInQuery } from './references.js';
import { ALL_RELATION_TYPES, arrow, relationField, type Direction } from './relation-model.js';
import { propertiesRead } from './selected-properties.js';

/** Where a compiled node keeps its precomputed fields: out of sight of serialisation and of property names. */
const COMPILED = Symbol('compiled fields');

interface Precomputed {
  fieldNodes: readonly FieldNode[];
  value: unknown;
}

type CompiledNode = NodeProps & { [COMPILED]?: Map<FieldNode, Precomputed> };

/**
 * The value the list query computed for this field of this node, or undefined: then the resolver
 * loads it itself. Matched on the field nodes graphql-js merged for the field.
 */
export function precomputed(
  node: NodeProps,
  info: Pick<GraphQLResolveInfo, 'fieldNodes'>,
): { value: unknown } | undefined {
  const entry = (node as CompiledNode)[COMPILED]?.get(info.fieldNodes[0]!);
  if (!entry || entry.fieldNodes.length !== info.fieldNodes.length) return undefined;
  return entry.fieldNodes.every((f, i) => f === info.fieldNodes[i]) ? { value: entry.value } : undefined;
}

/** What the query returns of the nodes of one level, and the fields it computes under them. */
interface Level {
  properties: string[];
  nested: Nested[];
}

interface Nested {
  /** The key of the value in the node's map. */
  key: string;
  fieldNodes: readonly FieldNode[];
  /** One entity (or null), not a list. */
  single: boolean;
  /** The subquery's body from the outer variable to `to`, limited and ordered. */
  match(from: string, to: string, first: string): string;
  /** The LIMIT of a relationship field; null for a derived id (one entity). */
  first: number | null;
  level: Level;
  /** What each row collects (default: the node's map of `level`); the rows are then kept as they come. */
  collect?: (to: string) => string;
  /** Parameters of its own (besides the limit). */
  params?: Record<string, unknown>;
}

/** Property names go into the text: they must be names, which every schema field is. */
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

interface Compiling {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  schema: GraphQLResolveInfo['schema'];
  /** The nested values' keys are prefix + a number: one prefix per compilation sharing a query. */
  prefix: string;
  keys: number;
}

/** A compilation of the selection under the resolver's field. */
const compiling = (info: GraphQLResolveInfo, prefix = '_r'): Compiling => ({
  fragments: info.fragments,
  variables: info.variableValues,
  schema: info.schema,
  prefix,
  keys: 0,
});

const included = (c: Compiling, node: FieldNode | { directives?: FieldNode['directives'] }) =>
  getDirectiveValues(GraphQLSkipDirective, node, c.variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, c.variables)?.if !== false;

/**
 * The fields of some selection sets on a node of `type`, grouped by response key in the order
 * graphql-js collects them (CollectFields): fragments whose type condition is the type or the
 * Entity interface count; @skip and @include are applied.
 */
function collectFields(c: Compiling, sets: readonly SelectionSetNode[], type: string): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  const applies = (condition: string | undefined) =>
    condition === undefined || condition === type || condition === 'Entity';
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(c, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const group = fields.get(key);
        if (group) group.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = c.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

interface DefinedField {
  type: unknown;
  args: ReadonlyArray<{ name: string; defaultValue?: unknown }>;
}

/**
 * An argument as graphql-js passes it to the resolver (validation has run): a literal (a whole
 * number, an enum value, a list of them, null), a variable, or the SDL's default. Read by shape,
 * not with graphql-js's value coercion: under the test runner the schema's types can come from
 * another copy of graphql (relation-model.ts).
 */
function argumentValue(c: Compiling, definition: DefinedField, node: FieldNode, name: string): unknown {
  const fallback = definition.args.find((a) => a.name === name)?.defaultValue;
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return fallback;
  const literal = (value: ValueNode): unknown => {
    if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
    if (value.kind === Kind.ENUM || value.kind === Kind.STRING) return value.value;
    if (value.kind === Kind.NULL) return null;
    if (value.kind === Kind.LIST) return value.values.map(literal);
    if (value.kind === Kind.VARIABLE) return value.name.value in c.variables ? c.variables[value.name.value] : fallback;
    throw new Error(`${name}: not a value this compiler reads`);
  };
  return literal(arg.value);
}

/** A field's `first`: a whole number or null (pageSize checks it). */
function firstArgument(c: Compiling, definition: DefinedField, node: FieldNode): number | null | undefined {
  const first = argumentValue(c, definition, node, 'first');
  if (first === undefined || first === null || typeof first === 'number') return first;
  throw new Error('first: not a whole number');
}

const subSelections = (nodes: readonly FieldNode[]) => nodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));

/**
 * The level of the nodes of `kind` (null: any kind, an Entity field) that these selection sets
 * read, under each of the contexts graphql-js resolves them in (a list's `nodes` and its
 * `edges.node` are resolved apart, on the same node objects).
 */
function compileLevel(
  c: Compiling,
  contexts: ReadonlyArray<readonly SelectionSetNode[]>,
  kind: string | null,
): Level | null {
  const properties = propertiesRead(contexts.flat(), c.fragments);
  if (properties.some((p) => !NAME.test(p))) return null;
  const nested: Nested[] = [];
  // Under an interface, fields other than the interface's (properties only) are read by their resolvers.
  if (kind !== null) {
    // Read by shape, not with graphql-js's type guards: under the test runner the schema's types
    // can come from another copy of graphql (relation-model.ts).
    const type = c.schema.getType(kind) as { getFields?: () => Record<string, DefinedField> } | undefined;
    if (!type?.getFields) return null;
    for (const sets of contexts) {
      for (const [, fieldNodes] of collectFields(c, sets, kind)) {
        const name = fieldNodes[0]!.name.value;
        const definition = type.getFields()[name];
        if (!definition) continue;
        const field = relationField(kind, name);
        const derived = DERIVED_ENTITY_FIELDS[kind]?.[name];
        if (name === 'relations') {
          const relations = compileRelations(c, definition, fieldNodes);
          if (relations) nested.push(relations);
        } else if (field) {
          if (field.kindsArgument || (field.kinds !== null && field.kinds.length !== 1)) continue;
          let first = 1;
          if (!field.single) {
            try {
              first = pageSize(firstArgument(c, definition, fieldNodes[0]!), MAX_RELATIONS);
            } catch {
              continue; // the resolver reports it, at the field's path
            }
          }
          const target = field.kinds?.[0] ?? null;
          const key = `${c.prefix}${c.keys++}`;
          const level = compileLevel(c, [subSelections(fieldNodes)], target);
          if (!level) continue;
          nested.push({
            key,
            fieldNodes,
            single: field.single,
            first,
            level,
            match: (from, to, limit) =>
              `MATCH (${from})${arrow(field.direction, field.types)}(${to}:${target ?? 'Entity'})
  WITH ${to} ORDER BY ${to}.name, ${to}.id LIMIT ${limit}`,
          });
        } else if (derived && NAME.test(derived)) {
          const target = getNamedTypeName(definition.type);
          const key = `${c.prefix}${c.keys++}`;
          const level = compileLevel(c, [subSelections(fieldNodes)], target);
          if (!level) continue;
          nested.push({
            key,
            fieldNodes,
            single: true,
            first: null,
            level,
            // Any kind, as the entity loader reads an id: the derived id names a city.
            match: (from, to) => `MATCH (${to}:Entity) WHERE ${to}.id = ${from}.${derived}`,
          });
        }
      }
    }
  }
  return { properties, nested };
}

function getNamedTypeName(type: unknown): string | null {
  let t = type as { ofType?: unknown; name?: string };
  while (t.ofType) t = t.ofType;
  return t.name && t.name !== 'Entity' ? t.name : null;
}

/**
 * The generic relations(types, direction, first) field: the rows its resolver reads
 * (relationships.ts RelationRow, without sourceId), every property of the neighbour and of the
 * relationship, ordered as the relations loader orders them and limited in the query. null when
 * its arguments do not coerce: the resolver then reports the error at its path.
 */
function compileRelations(c: Compiling, definition: DefinedField, fieldNodes: readonly FieldNode[]): Nested | null {
  let types: string[] | null;
  let direction: Direction;
  let first: number;
  try {
    const given = argumentValue(c, definition, fieldNodes[0]!, 'types');
    const way = argumentValue(c, definition, fieldNodes[0]!, 'direction');
    if (given != null && !(Array.isArray(given) && given.every((t) => typeof t === 'string'))) return null;
    if (way !== 'OUT' && way !== 'IN' && way !== 'BOTH') return null;
    types = given ?? null;
    direction = way;
    first = pageSize(firstArgument(c, definition, fieldNodes[0]!), MAX_RELATIONS);
  } catch {
    return null;
  }
  const key = `${c.prefix}${c.keys++}`;
  return {
    key,
    fieldNodes,
    single: false,
    first,
    level: { properties: [], nested: [] },
    params: { [`${key}Types`]: types?.length ? types : ALL_RELATION_TYPES },
    // The relationship stays inside the subquery: Grafeo 0.6 can answer another relationship's
    // properties for one returned out of a CALL (bench/query-rewrites.md, item 5).
    match: (from, to, limit) =>
      `MATCH (${from})${arrow(direction, null, `${to}r`)}(${to}:Entity) WHERE type(${to}r) IN $${key}Types
  WITH ${to}, ${to}r, startNode(${to}r) = ${from} AS ${to}out ORDER BY ${to}.name, ${to}.id, type(${to}r), ${to}out LIMIT ${limit}`,
    collect: (to) =>
      `collect({node: properties(${to}), rel: properties(${to}r), type: type(${to}r), outgoing: ${to}out})`,
  };
}

/** The map of a node of `level` bound to `v`, with its nested fields' values. */
const nodeMap = (level: Level, v: string) =>
  `{${[...level.properties.map((p) => `${p}: ${v}.${p}`), ...level.nested.map((n) => `${n.key}: ${n.key}`)].join(', ')}}`;

/** The CALL subqueries of a level's nested fields under `v`, at nesting `depth`. */
function nestedCalls(level: Level, v: string, depth: number, params: Record<string, unknown>): string {
  const indent = '  '.repeat(depth);
  return level.nested
    .map((n) => {
      const to = `v${depth + 1}`;
      const limit = `$${n.key}First`;
      if (n.first !== null) params[`${n.key}First`] = n.first;
      Object.assign(params, n.params);
      const inner = nestedCalls(n.level, to, depth + 1, params);
      // The nested calls keep their input's order on both engines; sorting again keeps it so by contract.
      const reorder = n.level.nested.length
        ? `\n${indent}  WITH ${[to, ...n.level.nested.map((m) => m.key)].join(', ')} ORDER BY ${to}.name, ${to}.id`
        : '';
      const collected = n.collect
        ? n.collect(to)
        : n.single
          ? `head(collect(${nodeMap(n.level, to)}))`
          : `collect(${nodeMap(n.level, to)})`;
      return `\n${indent}CALL { WITH ${v}
${indent}  ${n.match(v, to, limit).replace(/\n/g, `\n${indent}`)}${inner}${reorder}
${indent}  RETURN ${collected} AS ${n.key} }`;
    })
    .join('');
}

/** A compiled node with its nested values, nulls left out as properties() leaves them out. */
function toNode(level: Level, raw: Record<string, unknown>): NodeProps {
  const node: Record<string | symbol, unknown> = {};
  for (const p of level.properties) if (raw[p] != null) node[p] = raw[p];
  return withNested(node as unknown as NodeProps, level.nested, raw);
}

/** The node with the values of its nested fields (`raw`, keyed as the query returned them) attached. */
function withNested(node: NodeProps, nested: readonly Nested[], raw: Record<string, unknown>): NodeProps {
  if (nested.length) {
    const values = new Map<FieldNode, Precomputed>();
    for (const n of nested) {
      const value = raw[n.key];
      const converted = n.collect
        ? ((value as unknown[] | null) ?? [])
        : n.single
          ? value == null
            ? null
            : toNode(n.level, value as Record<string, unknown>)
          : ((value as Array<Record<string, unknown>> | null) ?? []).map((v) => toNode(n.level, v));
      const entry = { fieldNodes: n.fieldNodes, value: converted };
      for (const f of n.fieldNodes) if (!values.has(f)) values.set(f, entry);
    }
    (node as CompiledNode)[COMPILED] = values;
  }
  return node;
}

/** The parameter a plain (not a reference) filter field's condition reads, or null: not given. */
function plainParameter(field: string, value: unknown): unknown {
  if (value == null) return null;
  const where = `filter.${field}`;
  if (Array.isArray(value)) return value.length ? value : null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) throw new BadUserInputError(`${where} must not be empty`, where);
    if (text.length > 200) throw new BadUserInputError(`${where} is longer than 200 characters`, where);
    if (field === 'docNumber') return docNumberKey(text);
    // nameContains, metric: compared with the normalised text the graph keeps.
    return normalizeText(text);
  }
  return value;
}

type FilterInput = Record<string, unknown>;

export interface ListArgs {
  filter?: FilterInput | null;
  first?: number | null;
  after?: string | null;
}

export interface CompiledList {
  cypher: string;
  params: Record<string, unknown>;
  /** The connection, from the query's one row; throws the user error of a reference that named nothing. */
  answer(row: Record<string, unknown> | undefined, ctx: GraphContext): unknown;
}

/** The one query of a list field `list` of `kind`, for this request. */
export function compileList(kind: string, list: string, args: ListArgs, info: GraphQLResolveInfo): CompiledList {
  const filters = LIST_FILTERS[kind];
  if (!filters) throw new Error(`no list filters for ${kind}`);
  const limit = pageSize(args.first, MAX_PAGE);
  const after = decodeCursor(args.after);
  const f = args.filter ?? {};
  if (typeof f.minAmountYi === 'number' && typeof f.maxAmountYi === 'number' && f.minAmountYi > f.maxAmountYi)
    throw new BadUserInputError(
      `minAmountYi (${f.minAmountYi}) is greater than maxAmountYi (${f.maxAmountYi})`,
      'filter',
    );

  // The filters given, as parameters; references resolved in the query into `<field>Ids`.
  const params: Record<string, unknown> = {};
  const expressions = new Map<string, string>();
  const resolving: string[] = [];
  const references: string[] = [];
  for (const field of filters.fields) {
    const kinds = REFERENCE_KINDS[field];
    if (kinds) {
      if (f[field] == null) continue;
      Object.assign(params, referenceParams(field, f[field] as string, `filter.${field}`));
      resolving.push(resolveInQuery(field, kinds));
      references.push(field);
      expressions.set(field, `${field}Ids`);
    } else {
      const value = plainParameter(field, f[field]);
      if (value === null) continue;
      params[field] = value;
      expressions.set(field, `$${field}`);
    }
  }
  const carried = references.map((r) => `${r}Ids`);
  if (references.includes('issuer')) {
    // A city given as issuer stands for every body placed in it or under it (its government, its bureaus).
    resolving.push(`CALL { WITH issuerIds
  MATCH (o:Organization) WHERE any(x IN o.placeIds WHERE x IN issuerIds)
  RETURN collect(o.id) AS issuerBodies }`);
    carried.push('issuerBodies');
    expressions.set('issuer', '(issuerIds + issuerBodies)');
  }
  const value = (field: string) => expressions.get(field) ?? null;
  // A city filter runs once per city (walking down from it, or, for the kinds the walk cannot
  // serve, testing each node), each node's test a membership test: Grafeo 0.6 evaluates any()
  // over a list variable several times slower per node, and every node the other conditions keep
  // (an index seek on an indicator's year) pays it.
  const byCity = expressions.has('city');
  const conditions = filters.where(value, byCity ? 'city' : undefined);
  const walk = byCity ? walkFromCities(kind, expressions.get('city')!, carried, conditions) : null;
  const perCity = walk === null && byCity;
  const imports = carried.length ? `WITH ${carried.join(', ')}\n  ` : '';

  // What the selection reads of the connection.
  const c = compiling(info);
  const connection = getNamedTypeName(info.returnType);
  const top = collectFields(c, subSelections(info.fieldNodes), connection ?? '');
  let counted = false;
  let paged = false;
  let more = false;
  const contexts: SelectionSetNode[][] = [];
  for (const [, nodes] of top) {
    const name = nodes[0]!.name.value;
    if (name === 'totalCount') counted = true;
    else if (name === 'pageInfo') paged = more = true;
    else if (name === 'nodes') {
      paged = true;
      contexts.push(subSelections(nodes));
    } else if (name === 'edges') {
      paged = true;
      for (const [, edgeFields] of collectFields(c, subSelections(nodes), `${kind}Edge`))
        if (edgeFields[0]!.name.value === 'node') contexts.push(subSelections(edgeFields));
    }
  }
  const level = compileLevel(c, contexts, kind) ?? { properties: ['id', 'kind'], nested: [] };

  const parts = [...resolving];
  const match = (extra: string[]) => {
    const where = [...conditions, ...extra];
    return `MATCH (n:${kind})${where.length ? `\n  WHERE ${where.join('\n    AND ')}` : ''}`;
  };
  const returns = carried.filter((v) => v !== 'issuerBodies');
  // Sorted and cut before any map is built or any nested field followed.
  if (paged) params.limit = more ? limit + 1 : limit;
  if (paged && after !== null) params.after = after;
  const reorder = level.nested.length
    ? `\n  WITH ${['n', ...level.nested.map((n) => n.key)].join(', ')} ORDER BY n.id`
    : '';
  const page = `${nestedCalls(level, 'n', 1, params)}${reorder}
  RETURN collect(${nodeMap(level, 'n')}) AS page }`;
  if (walk || perCity || (counted && paged && conditions.length)) {
    // One pass for both: the matching ids, counted, and the page read back by id (an index seek each).
    const source = walk
      ? walk
      : perCity
        ? `UNWIND ${expressions.get('city')!} AS city\n  ${match([])}\n  WITH DISTINCT n`
        : match([]);
    parts.push(`CALL { ${imports}${source}
  RETURN collect(n.id) AS ids }`);
    if (counted) returns.push('size(ids) AS total');
    if (paged) {
      parts.push(`CALL { WITH ids
  UNWIND ids AS id
${after !== null ? '  WITH id WHERE id > $after\n' : ''}  WITH id ORDER BY id LIMIT $limit
  MATCH (n:${kind}) WHERE n.id = id${page}`);
      returns.push('page');
    }
  } else {
    if (counted) {
      parts.push(`CALL { ${imports}${match([])}
  RETURN count(n) AS total }`);
      returns.push('total');
    }
    if (paged) {
      parts.push(`CALL { ${imports}${match(after !== null ? ['n.id > $after'] : [])}
  WITH n ORDER BY n.id LIMIT $limit${page}`);
      returns.push('page');
    }
  }
  const cypher = `\n${parts.join('\n')}\nRETURN ${returns.length ? returns.join(', ') : 'true AS done'}`;

  return {
    cypher,
    params,
    answer(row, ctx) {
      for (const field of references)
        assertResolved(
          f[field] as string,
          row?.[`${field}Ids`] as string[] | undefined,
          REFERENCE_KINDS[field]!,
          `filter.${field}`,
        );
      const rows = ((row?.page as Array<Record<string, unknown>> | undefined) ?? []).map((r) => toNode(level, r));
      const nodes = rows.slice(0, limit);
      ctx.returned(nodes.length, list);
      const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
      return {
        totalCount: (row?.total as number | undefined) ?? 0,
        pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
        nodes,
      };
    },
  };
}

/** Whether two levels compile the very same field nodes (not merely alike ones), in the same order. */
const sameFields = (a: readonly Nested[], b: readonly Nested[]) =>
  a.length === b.length &&
  a.every(
    (n, i) =>
      n.fieldNodes.length === b[i]!.fieldNodes.length && n.fieldNodes.every((f, j) => f === b[i]!.fieldNodes[j]),
  );

export interface CompiledEntity {
  cypher: string;
  params: Record<string, unknown>;
  /** The entity, whole, with the nested values of its kind; null when no entity has the id. */
  answer(row: Record<string, unknown> | undefined): NodeProps | null;
}

/**
 * node(id) as ONE query when its selection asks for relationship fields (typed, under a fragment
 * on a kind): the entity read whole by id, as the entity loader reads it, and under it, for every
 * kind whose fragment asks for some, those fields compiled as a list's are (nestedCalls), each
 * kind's in a CALL that only the entity's own kind passes. null when nothing is compiled: the
 * entity loader (one call) answers alone. nodes(ids) is left to the resolvers' own loading, which
 * tests compare compiled answers with.
 */
export function compileNode(id: string, info: GraphQLResolveInfo): CompiledEntity | null {
  const c = compiling(info);
  const sets = subSelections(info.fieldNodes);
  const params: Record<string, unknown> = { id };
  // Kinds whose compiled fields are the same field nodes (relations, asked on Entity, compiles for
  // every kind) share one CALL; the others get one each.
  const groups: Array<{ kinds: string[]; level: Level; key: string }> = [];
  for (const kind of NODE_LABELS) {
    const level = compileLevel(c, [sets], kind);
    if (!level?.nested.length) continue;
    const same = groups.find((g) => sameFields(g.level.nested, level.nested));
    if (same) same.kinds.push(kind);
    else groups.push({ kinds: [kind], level, key: `_k${groups.length}` });
  }
  if (groups.length === 0) return null;
  const calls = groups.map(({ kinds, level, key }) => {
    params[`${key}Kinds`] = kinds;
    const values = `{${level.nested.map((n) => `${n.key}: ${n.key}`).join(', ')}}`;
    // Another kind's CALL keeps no row, and collect() still returns one: the entity's row stays.
    return `CALL { WITH n
  WITH n WHERE n.kind IN $${key}Kinds${nestedCalls(level, 'n', 1, params)}
  RETURN collect(${values}) AS ${key} }`;
  });
  const cypher = `
MATCH (n:Entity) WHERE n.id = $id
${calls.join('\n')}
RETURN properties(n) AS node, ${groups.map((g) => g.key).join(', ')}`;
  return {
    cypher,
    params,
    answer(row) {
      const node = row?.node as NodeProps | undefined;
      if (!node) return null;
      const own = groups.find((g) => g.kinds.includes(node.kind));
      const values = own ? (row?.[own.key] as Array<Record<string, unknown>> | undefined)?.[0] : undefined;
      if (!own || !values) return node;
      return withNested({ ...node }, own.level.nested, values);
    },
  };
}

export interface CompiledUnder {
  /** The CALL subqueries under `variable`, bound to the entity; they add their parameters to `params`. */
  calls(variable: string, params: Record<string, unknown>): string;
  /** The variables the calls yield, to carry and to return (`{key: key, …}`). */
  keys: string[];
  /** A copy of the entity with the values the calls returned attached (`raw`: the keys' map). */
  attach(entity: NodeProps, raw: Record<string, unknown> | null | undefined): NodeProps;
}

/**
 * The relationship fields asked for under one entity field of a question's answer
 * (chainLeaders' `enterprise`, `chain`), compiled as a list's are, for the question's own query:
 * CALL subqueries under the variable bound to that entity, and their values attached to it.
 * null when nothing under it is compiled, or when the field is asked under several aliases: then
 * the resolvers load, as before. `prefix` keeps the keys of several such fields apart.
 */
export function compileUnder(
  info: GraphQLResolveInfo,
  answerType: string,
  field: string,
  kind: string,
  prefix: string,
): CompiledUnder | null {
  const c = compiling(info, prefix);
  const groups = [...collectFields(c, subSelections(info.fieldNodes), answerType).values()].filter(
    (nodes) => nodes[0]!.name.value === field,
  );
  if (groups.length !== 1) return null;
  const level = compileLevel(c, [subSelections(groups[0]!)], kind);
  if (!level?.nested.length) return null;
  return {
    calls: (variable, params) => nestedCalls(level, variable, 1, params),
    keys: level.nested.map((n) => n.key),
    attach: (entity, raw) => withNested({ ...entity }, level.nested, raw ?? {}),
  };
}
