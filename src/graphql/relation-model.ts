/**
 * The relationship fields as the SDL declares them with @relation (schema/common.graphql): which
 * relationship types each follows, which way, to which kinds, and which list filters it answers.
 * Resolvers and their Cypher (relationships.ts), the list filters
 * (list-queries.ts, references.ts) and page limits are derived from this table; nothing restates it.
 * A new relationship field, or a new kind's, is a line of SDL.
 */
import {
  buildASTSchema,
  concatAST,
  getDirectiveValues,
  getNamedType,
  parse,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { readTypeDefs } from './type-defs.js';

export type Direction = 'OUT' | 'IN' | 'BOTH';
export type RelationFilter = 'CITY' | 'PARK' | 'CHAIN' | 'ISSUER';

/** What a relationship lookup follows: types, direction, and the kinds at the other end (null: any). */
export interface RelationSpec {
  types: readonly string[];
  direction: Direction;
  kinds: readonly string[] | null;
}

export interface RelationField extends RelationSpec {
  /** The object type (kind) that declares the field, and the field. */
  owner: string;
  field: string;
  /** The field returns one entity (the first, by name), not a list. */
  single: boolean;
  /** The list filters this relationship answers for its owner's list. */
  filters: readonly RelationFilter[];
  /** The field takes a `kinds` argument that narrows the kinds at the other end. */
  kindsArgument: boolean;
}

interface RelationDirective {
  types: string[];
  direction: Direction;
  filters?: RelationFilter[] | null;
}

/** The kinds a field's type stands for: an object type itself, an interface or union any kind (null). */
function kindsOf(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, where: string): string[] | null {
  const named = getNamedType(field.type);
  if (isObjectType(named)) {
    if (!named.getInterfaces().some((i) => i.name === 'Entity'))
      throw new Error(`${where}: @relation on a field of type ${named.name}, which is not an Entity`);
    return [named.name];
  }
  if (isInterfaceType(named) && named.name === 'Entity') return null;
  if (isUnionType(named)) return named.getTypes().map((t) => t.name);
  throw new Error(`${where}: @relation on a field of type ${String(named)}, which is not an Entity`);
}

/** Every @relation field of the schema, in SDL order. */
export function relationFields(schema: GraphQLSchema): RelationField[] {
  const relation = schema.getDirective('relation');
  if (!relation) throw new Error('the schema declares no @relation directive');
  const fields: RelationField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const directive = field.astNode
        ? (getDirectiveValues(relation, field.astNode) as RelationDirective | undefined)
        : undefined;
      if (!directive) continue;
      const where = `${type.name}.${field.name}`;
      const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
      fields.push({
        owner: type.name,
        field: field.name,
        types: [...directive.types],
        direction: directive.direction,
        kinds: kindsOf(schema, field, where),
        single: !isListType(unwrapped),
        filters: [...(directive.filters ?? [])],
        kindsArgument: field.args.some((a) => a.name === 'kinds'),
      });
    }
  }
  return fields;
}

/**
 * The API's schema without resolvers, for reading its directives. Built with graphql-js itself:
 * a schema from @graphql-tools would come from another copy of graphql under the test runner.
 */
export function sdlSchema(typeDefs = readTypeDefs()): GraphQLSchema {
  return buildASTSchema(concatAST(typeDefs.map((sdl) => parse(sdl))));
}

/** The relationship fields of schema/*.graphql. */
export const RELATION_FIELDS: readonly RelationField[] = relationFields(sdlSchema());

export function relationField(owner: string, field: string): RelationField | undefined {
  return RELATION_FIELDS.find((f) => f.owner === owner && f.field === field);
}

/**
 * The relationships that answer a list filter for a kind, grouped by direction: e.g. an
 * Enterprise is in a city by LOCATED_IN or IN_PARK, both pointing away from it.
 */
export function filterRelations(
  kind: string,
  filter: RelationFilter,
  fields: readonly RelationField[] = RELATION_FIELDS,
): Array<{ direction: Direction; types: string[] }> {
  const byDirection = new Map<Direction, Set<string>>();
  for (const f of fields) {
    if (f.owner !== kind || !f.filters.includes(filter)) continue;
    const types = byDirection.get(f.direction) ?? new Set<string>();
    for (const t of f.types) types.add(t);
    byDirection.set(f.direction, types);
  }
  return [...byDirection].map(([direction, types]) => ({ direction, types: [...types].sort() }));
}

/** The relationship types of a filter pointing away from the kind (a place filter's usual case). */
export function outgoingFilterTypes(kind: string, filter: RelationFilter): string[] {
  return filterRelations(kind, filter)
    .filter((g) => g.direction !== 'IN')
    .flatMap((g) => g.types);
}

/** A relationship pattern from (a) to (b), its types written in (they come from the SDL, never a request). */
export function arrow(direction: Direction, types: readonly string[] | null, variable = ''): string {
  const rel = `[${variable}${types?.length ? `:${[...types].sort().join('|')}` : ''}]`;
  return direction === 'OUT' ? `-${rel}->` : direction === 'IN' ? `<-${rel}-` : `-${rel}-`;
}

/**
 * The list fields of Query: a field whose type is a connection of one kind (`parks: ParkConnection!`,
 * its `nodes` a list of Park), so a new kind's list is a line of SDL too.
 */
export function listFields(schema: GraphQLSchema = sdlSchema()): Array<{ field: string; kind: string }> {
  const lists: Array<{ field: string; kind: string }> = [];
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const connection = getNamedType(field.type);
    const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
    const kind = nodes ? getNamedType(nodes.type) : undefined;
    if (isObjectType(kind) && kind.getInterfaces().some((i) => i.name === 'Entity'))
      lists.push({ field: field.name, kind: kind.name });
  }
  return lists;
}
