/**
 * The Neo4j driver's value classes (what a Neo4j 5 server sends) convert to the plain values the
 * embedded engine returns; the store contract (tests/store-contract.test.ts) checks both engines
 * end to end.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toNeo4jParams, toPlain } from './plain-values.js';

describe('plain values', () => {
  it('Neo4j driver values convert to plain JS values', () => {
    const record = {
      int: neo4j.int(42),
      float: 2.5,
      text: 'é韶关',
      flag: true,
      nothing: null,
      list: [neo4j.int(1), neo4j.int(2), neo4j.int(3)],
      map: { a: neo4j.int(1), b: ['x'], c: { d: 2.0 } },
      day: new neo4j.types.Date(2023, 6, 19),
      local: new neo4j.types.LocalDateTime(2023, 6, 19, 10, 0, 0, 0),
    };
    expect(toPlain(record)).toEqual({
      int: 42,
      float: 2.5,
      text: 'é韶关',
      flag: true,
      nothing: null,
      list: [1, 2, 3],
      map: { a: 1, b: ['x'], c: { d: 2 } },
      day: '2023-06-19',
      local: '2023-06-19T10:00:00',
    });
  });

  it('converts Neo4j temporal, node, relationship and big integer values', () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['Entity', 'City'],
      { id: 'city:shaoguan', level: 'prefecture' },
      '4:x:1',
    );
    const rel = new neo4j.types.Relationship(
      neo4j.int(7),
      neo4j.int(1),
      neo4j.int(2),
      'PART_OF',
      { since: neo4j.int(2020) },
      '5:x:7',
      '4:x:1',
      '4:x:2',
    );
    expect(toPlain(node)).toEqual({
      _id: '4:x:1',
      _labels: ['Entity', 'City'],
      id: 'city:shaoguan',
      level: 'prefecture',
    });
    expect(toPlain(rel)).toEqual({ _id: '5:x:7', _type: 'PART_OF', _source: '4:x:1', _target: '4:x:2', since: 2020 });
    expect(toPlain(new neo4j.types.DateTime(2023, 6, 19, 10, 0, 0, 0, 0))).toBe('2023-06-19T10:00:00Z');
    expect(toPlain(neo4j.int('9007199254740993'))).toBe(9007199254740993n);
  });

  it("writes the embedded engine's local date-times (JS Dates) as Neo4j writes a LocalDateTime", () => {
    expect(toPlain(new Date('2023-06-19T10:00:00Z'))).toBe('2023-06-19T10:00:00');
    expect(toPlain(new Date('2023-06-19T10:00:00.5Z'))).toBe(
      new neo4j.types.LocalDateTime(2023, 6, 19, 10, 0, 0, 500_000_000).toString(),
    );
  });

  it('sends whole numbers to Neo4j as Integers and keeps floats', () => {
    const params = toNeo4jParams({ limit: 20, min: 100.5, ids: ['a'], nested: { first: 3 } }) as Record<string, any>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.min).toBe(100.5);
    expect(neo4j.isInt(params.nested.first)).toBe(true);
  });
});
