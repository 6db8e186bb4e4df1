/**
 * What a question's selection reads, so its one query returns that and no more: the properties
 * of the entities at a path under the field (selected-properties.ts decides which), and the
 * property maps a query returns either picked (a list of values in the order of the keys) or
 * whole.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { NodeProps } from '../node-props.js';
import { MAX_PICKED_PROPERTIES, selectedProperties } from '../selected-properties.js';

type Selection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The fields called `name` right under `fields` (through fragments, whatever their type condition). */
function fieldsNamed(fields: readonly FieldNode[], name: string, fragments: Selection['fragments']): FieldNode[] {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const field of fields) visit(field.selectionSet);
  return found;
}

/** The fields at `path` under the resolver's field (every alias of each step). */
export function fieldsAt(info: Selection, path: readonly string[]): FieldNode[] {
  return path.reduce<FieldNode[]>((fields, name) => fieldsNamed(fields, name, info.fragments), [...info.fieldNodes]);
}

/** Whether anything is selected at `path` under the resolver's field. */
export const selects = (info: Selection, path: readonly string[]) => fieldsAt(info, path).length > 0;

/**
 * The properties the selection reads on the entities found at any of `paths` (always their id and
 * kind), or null for every property (many, or a field that reads the whole map).
 */
export function propertiesAt(info: Selection, ...paths: Array<readonly string[]>): string[] | null {
  const keys = new Set<string>();
  for (const path of paths) {
    const picked = selectedProperties({ fieldNodes: fieldsAt(info, path), fragments: info.fragments });
    if (picked === null) return null;
    for (const key of picked) keys.add(key);
  }
  return keys.size > MAX_PICKED_PROPERTIES ? null : [...keys].sort();
}

/**
 * The Cypher for an entity's properties read through `$param`: the values of the keys it lists,
 * in order, or the whole property map when it is null. Grafeo 0.6 evaluates only the branch taken.
 */
export const pick = (variable: string, param: string) =>
  `CASE WHEN $${param} IS NULL THEN properties(${variable}) ELSE [k IN $${param} | ${variable}[k]] END`;

/** An entity as `pick` returned it: picked values as a (partial) node, nulls left out as properties() does. */
export function picked(value: NodeProps | unknown[], keys: readonly string[] | null): NodeProps {
  if (!Array.isArray(value) || !keys) return value as NodeProps;
  const node: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    if (value[i] != null) node[key] = value[i];
  });
  return node as NodeProps;
}
