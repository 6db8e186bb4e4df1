/**
 * The node properties a selection set reads, so a relation field fetches those instead of every
 * property of every neighbour (building full property maps was most of the cost of a nested
 * list at 100k nodes). A scalar field reads the property of its own name; the few computed
 * fields read the properties listed here; relation fields read only the id.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Always fetched: the id (for relation fields and DataLoader keys) and kind (for __resolveType). */
const ALWAYS = ['id', 'kind'];

/** Computed fields and the properties their resolvers read (entity-resolvers.ts). */
const READS: Record<string, readonly string[]> = {
  evidence: ['evidenceDocs', 'evidenceQuotes', 'evidenceStarts', 'evidenceEnds'],
  documents: ['evidenceDocs'],
  // Read from the properties the seed derives (entity-resolvers.ts).
  city: ['cityId'],
  prefecture: ['prefectureId'],
  province: ['provinceId'],
  designationNames: ['designations'],
};

/**
 * Past this many properties a full property map costs no more than picking them one by one
 * (measured on the embedded engine), so the caller fetches everything instead.
 */
export const MAX_PICKED_PROPERTIES = 7;

/**
 * The properties the field's selection reads on the nodes it returns, or null for "all of them".
 * Fields under every fragment count, whatever their type condition: asking for a property a node
 * does not have costs nothing and yields null, as a full map would.
 */
export function selectedProperties(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): string[] | null {
  // graphql-js hands every row of a list the same fieldNodes array: work it out once per request level.
  const cached = computed.get(info.fieldNodes);
  if (cached !== undefined) return cached;
  const keys = propertiesRead(
    info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : [])),
    info.fragments,
  );
  const picked = keys.length > MAX_PICKED_PROPERTIES ? null : keys;
  computed.set(info.fieldNodes, picked);
  return picked;
}

/** Every property some selection sets read (fields under every fragment, as above), sorted. */
export function propertiesRead(
  sets: readonly SelectionSetNode[],
  fragments: GraphQLResolveInfo['fragments'],
): string[] {
  const keys = new Set(ALWAYS);
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        for (const key of READS[name] ?? (selection.selectionSet ? [] : [name])) keys.add(key);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        visit(fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return [...keys].sort();
}

const computed = new WeakMap<readonly FieldNode[], string[] | null>();
