/** The :param literal parser: values by hand, and what it refuses (the engine check is in tests/query-library.test.ts). */
import { describe, expect, it } from 'vitest';
import { parseCypherLiteral } from './cypher-literal.js';

describe('parseCypherLiteral', () => {
  it('reads strings, numbers, null, booleans, lists and maps', () => {
    expect(parseCypherLiteral(`['a', "b\\"c", -1.5e2, null, true, {k: [1]}]`)).toEqual([
      'a',
      'b"c',
      -150,
      null,
      true,
      { k: [1] },
    ]);
    expect(parseCypherLiteral('[ ]')).toEqual([]);
    expect(parseCypherLiteral('{ }')).toEqual({});
  });

  it('refuses expressions, parameters and malformed lists and maps, saying what it expected', () => {
    for (const bad of ['1 + 1', '$x', "'a' AS v", 'toLower("x")', "'unterminated", '[1, 2'])
      expect(() => parseCypherLiteral(bad), bad).toThrow();
    expect(() => parseCypherLiteral('[1 2]')).toThrow(/expected , or \] in a list/);
    expect(() => parseCypherLiteral('{a: 1 b: 2}')).toThrow(/expected , or \} in a map/);
    expect(() => parseCypherLiteral('{a 1}')).toThrow(/expected : after a map key/);
  });
});
