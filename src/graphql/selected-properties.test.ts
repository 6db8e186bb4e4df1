/** Which node properties a selection reads: what a relationship field fetches instead of whole nodes. */
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedProperties } from './selected-properties.js';

describe('selectedProperties', () => {
  it('picks the properties a selection names, and all of them past a few', () => {
    const pick = (query: string) => {
      const doc = parse(query);
      const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      const fragments = Object.fromEntries(
        doc.definitions
          .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((f) => [f.name.value, f]),
      );
      return selectedProperties({ fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments });
    };
    expect(pick('{ f { name parks { name } __typename } }')).toEqual(['id', 'kind', 'name']);
    // A located kind's city is read from the id the seed derives (cityId), not from a relationship.
    expect(pick('{ f { name city { name } } }')).toEqual(['cityId', 'id', 'kind', 'name']);
    expect(pick('{ f { ... on Park { level } ...x } } fragment x on Entity { aliases }')).toEqual([
      'aliases',
      'id',
      'kind',
      'level',
    ]);
    expect(pick('{ f { documents { id } } }')).toEqual(['evidenceDocs', 'id', 'kind']);
    expect(pick('{ f { name evidence { quote } } }')).toEqual([
      'evidenceDocs',
      'evidenceEnds',
      'evidenceQuotes',
      'evidenceStarts',
      'id',
      'kind',
      'name',
    ]);
    expect(pick('{ f { name nameEn aliases evidence { quote } } }')).toBeNull();
  });
});
