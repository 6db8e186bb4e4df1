/**
 * The list filters: each kind's filter input (schema/query.graphql) offers only what its texts can
 * do. A filter field with no meaning for its kind fails when the texts are built (at startup),
 * never as an empty answer at run time.
 */
import { describe, expect, it } from 'vitest';
import { LIST_FILTERS, listFilters } from './list-queries.js';
import { listFields } from './relation-model.js';

describe('list filters', () => {
  it('builds texts for every list, with one condition per field of its filter input', () => {
    for (const { kind, filters } of listFields()) {
      const built = LIST_FILTERS[kind]!;
      expect(built.fields, kind).toEqual(filters);
      const text = built.queries.relatedPage ?? built.queries.page;
      for (const field of filters) expect(text, `${kind}.${field}`).toContain(`$${field}`);
    }
    expect(LIST_FILTERS.Document!.fields).toEqual([]);
  });

  it('keeps relationship subqueries out of the plain texts', () => {
    const parks = LIST_FILTERS.Park!;
    expect(parks.related.sort()).toEqual(['designation', 'designationStatus']);
    expect(parks.queries.page).not.toContain('EXISTS');
    expect(parks.queries.relatedPage).toContain('HAS_DESIGNATION');
    expect(LIST_FILTERS.Indicator!.queries.relatedPage).toBeUndefined();
  });

  it('reads the place, park and chain lists the seed derives', () => {
    expect(LIST_FILTERS.Project!.queries.page).toContain('any(x IN n.placeIds WHERE x IN $city)');
    expect(LIST_FILTERS.Enterprise!.queries.page).toContain('any(x IN n.chainIds WHERE x IN $chain)');
    expect(LIST_FILTERS.Park!.queries.page).toContain("coalesce(n.status, 'existing') IN $status");
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
