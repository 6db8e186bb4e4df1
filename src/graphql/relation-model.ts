/**
 * The relationship fields as the SDL declares them with @relation (schema/common.graphql): which
 * relationship types each follows, which way and to which kinds; and the list fields of Query with
 * the filters their input declares. Resolvers and their Cypher (relationships.ts, list-queries.ts)
 * and page limits are derived from these tables; nothing restates them. A new relationship field,
 * a new kind's list or a new filter is a line of SDL.
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
  isInputObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { RELATIONSHIP_TYPES } from '../knowledge/seed-schema.js';
import { readTypeDefs } from './type-defs.js';

/** Every relationship type in the graph: the facts' predicates and the builder's own (MENTIONED_IN, DESCRIBES). */
export const ALL_RELATION_TYPES = Object.keys(RELATIONSHIP_TYPES);

export type Direction = 'OUT' | 'IN' | 'BOTH';

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
  /** The field takes a `kinds` argument that narrows the kinds at the other end. */
  kindsArgument: boolean;
}

interface RelationDirective {
  types: string[];
  direction: Direction;
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

/** A relationship pattern from (a) to (b), its types written in (they come from the SDL, never a request). */
export function arrow(direction: Direction, types: readonly string[] | null, variable = ''): string {
  const rel = `[${variable}${types?.length ? `:${[...types].sort().join('|')}` : ''}]`;
  return direction === 'OUT' ? `-${rel}->` : direction === 'IN' ? `<-${rel}-` : `-${rel}-`;
}

/**
 * The list fields of Query: a field whose type is a connection of one kind (`parks: ParkConnection!`,
 * its `nodes` a list of Park), with the fields of its `filter` input, so a new kind's list or a
 * new filter is a line of SDL too.
 */
export function listFields(
  schema: GraphQLSchema = sdlSchema(),
): Array<{ field: string; kind: string; filters: string[] }> {
  const lists: Array<{ field: string; kind: string; filters: string[] }> = [];
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const connection = getNamedType(field.type);
    const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
    const kind = nodes ? getNamedType(nodes.type) : undefined;
    if (!isObjectType(kind) || !kind.getInterfaces().some((i) => i.name === 'Entity')) continue;
    const input = field.args.find((a) => a.name === 'filter');
    const filterType = input ? getNamedType(input.type) : undefined;
    const filters = isInputObjectType(filterType) ? Object.keys(filterType.getFields()) : [];
    lists.push({ field: field.name, kind: kind.name, filters });
  }
  return lists;
}
