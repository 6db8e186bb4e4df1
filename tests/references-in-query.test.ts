/**
 * References resolved inside a query (resolveInQuery) give the ids the separate look-up
 * (resolveReference) gives, for every name form of every entity a reference can name, on the real
 * seeds; and the text passes Neo4j's own parser and semantic analysis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphContext } from '../src/graphql/context.js';
import {
  assertResolved,
  referenceParams,
  resolveInQuery,
  resolveReference,
  type ReferableKind,
} from '../src/graphql/references.js';
import type { GrafeoStore } from '../src/store/grafeo-store.js';
import { lintCypher } from './support/cypher-lint.js';
import { seededStore } from './support/seeded-store.js';

let store: GrafeoStore;
beforeAll(async () => {
  ({ store } = await seededStore());
});
afterAll(async () => {
  await store?.close();
});

/** Just what resolveReference reads of a request's context: the store, called directly. */
const context = () =>
  ({
    read: (cypher: string, params: Record<string, unknown>) => store.read(cypher, params),
    search: (text: string, limit: number) => store.searchEntities(text, limit),
  }) as unknown as GraphContext;

const inQuery = async (param: string, kinds: ReferableKind[], value: string | null) => {
  const [row] = await store.read<Record<string, string[]>>(
    `${resolveInQuery(param, kinds)}\nRETURN ${param}Ids`,
    referenceParams(param, value, param),
  );
  return row![`${param}Ids`]!;
};

describe('resolveInQuery', () => {
  const cases: Array<[string, ReferableKind[]]> = [
    ['city', ['City']],
    ['park', ['Park']],
    ['chain', ['IndustryChain']],
    ['designation', ['Designation']],
    ['issuer', ['Organization', 'City']],
  ];

  it.each(cases)('%s: every id, name and name form resolves as resolveReference resolves it', async (param, kinds) => {
    const rows = await store.read<{ id: string; name: string; forms: string[] }>(
      `MATCH (n:Entity) WHERE n.kind IN $kinds
       RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) + CASE WHEN n.nameEn IS NULL THEN [] ELSE [n.nameEn] END AS forms`,
      { kinds },
    );
    expect(rows.length).toBeGreaterThan(0);
    let checked = 0;
    for (const row of rows) {
      for (const text of [row.id, row.name, ...row.forms]) {
        const expected = await resolveReference(context(), text, kinds, param);
        expect((await inQuery(param, kinds, text)).sort(), `${param} "${text}"`).toEqual([...expected].sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(rows.length);
  });

  it('resolves Traditional forms and the bare city name, and nothing for an unknown name or no reference', async () => {
    expect(await inQuery('city', ['City'], '韶關')).toEqual(['city:shaoguan']);
    expect(await inQuery('city', ['City'], '韶关')).toEqual(['city:shaoguan']);
    expect(await inQuery('city', ['City'], '不存在的城市')).toEqual([]);
    expect(await inQuery('city', ['City'], null)).toEqual([]);
    expect(() => assertResolved('不存在的城市', [], ['City'], 'city')).toThrow(
      /city: no City is called "不存在的城市"/,
    );
    expect(() => assertResolved(null, [], ['City'], 'city')).not.toThrow();
    expect(() => referenceParams('city', '  ', 'city')).toThrow(/city must not be empty/);
  });

  it('passes Neo4j’s parser and semantic analysis', () => {
    for (const [param, kinds] of cases) {
      const { errors } = lintCypher(`${resolveInQuery(param, kinds)}\nRETURN ${param}Ids`);
      expect(errors, param).toEqual([]);
    }
  });
});
