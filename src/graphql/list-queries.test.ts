/**
 * The list filters: each kind's filter input (schema/query.graphql) offers only what its texts can
 * do. A filter field with no meaning for its kind fails when the texts are built (at startup),
 * never as an empty answer at run time.
 */
import { describe, expect, it } from 'vitest';
import { LIST_FILTERS, listFilters } from './list-queries.js';
import { listFields } from './relation-model.js';

describe('list filters', () => {
  /** The conditions when every filter field is given, each as its parameter. */
  const allGiven = (kind: string) => LIST_FILTERS[kind]!.where((field) => `$${field}`).join('\n');

  it("has a condition for every field of every list's filter input", () => {
    for (const { kind, filters } of listFields()) {
      const built = LIST_FILTERS[kind]!;
      expect(built.fields, kind).toEqual(filters);
      for (const field of filters) expect(allGiven(kind), `${kind}.${field}`).toContain(`$${field}`);
    }
    expect(LIST_FILTERS.Document!.fields).toEqual([]);
  });

  it('writes only the conditions of the filters given', () => {
    const parks = LIST_FILTERS.Park!;
    expect(parks.where(() => null)).toEqual([]);
    expect(parks.where((f) => (f === 'city' ? 'cityIds' : null))).toEqual(['any(x IN n.placeIds WHERE x IN cityIds)']);
    expect(parks.where((f) => (f === 'designationStatus' ? '$designationStatus' : null))).toEqual([
      'EXISTS { MATCH (n)-[h:HAS_DESIGNATION]->(d:Designation) WHERE h.status IN $designationStatus }',
    ]);
  });

  it('reads the place, park and chain lists the seed derives', () => {
    expect(allGiven('Project')).toContain('any(x IN n.placeIds WHERE x IN $city)');
    expect(allGiven('Enterprise')).toContain('any(x IN n.chainIds WHERE x IN $chain)');
    expect(allGiven('Park')).toContain("coalesce(n.status, 'existing') IN $status");
  });

  it.each([
    ['Organization', 'chain'],
    ['Indicator', 'issuer'],
    ['Document', 'city'],
    ['City', 'minAmountYi'],
    ['Park', 'docNumber'],
    ['Region', 'nonsense'],
  ])('refuses a %s filter on %s, which means nothing for it', (kind, field) => {
    expect(() => listFilters(kind, ['nameContains', field])).toThrow(
      `the ${kind} list's filter declares ${field}, which means nothing for a ${kind}`,
    );
  });
});
