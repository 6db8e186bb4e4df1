/**
 * The adapters return the same plain values: numbers (not Integer objects), ISO date strings,
 * lists and maps. Grafeo is exercised for real; the Neo4j conversion is exercised on the
 * driver's own value classes (the ones a Neo4j 5 server sends).
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrafeoStore } from '../src/store/grafeo-store.js';
import { toNeo4jParams, toPlain } from '../src/store/plain-values.js';

const SHARED_QUERY = `
RETURN 42 AS int, 2.5 AS float, 'é韶关' AS text, true AS flag, null AS nothing,
       [1, 2, 3] AS list, {a: 1, b: ['x'], c: {d: 2.0}} AS map, date('2023-06-19') AS day`;

describe('plain values', () => {
  let store: GrafeoStore;
  beforeAll(() => {
    store = GrafeoStore.open({ timeoutMs: 5_000 });
  });
  afterAll(() => store.close());

  const expected = {
    int: 42,
    float: 2.5,
    text: 'é韶关',
    flag: true,
    nothing: null,
    list: [1, 2, 3],
    map: { a: 1, b: ['x'], c: { d: 2 } },
    day: '2023-06-19',
  };

  it('Grafeo returns plain JS values', async () => {
    expect(await store.read(SHARED_QUERY)).toEqual([expected]);
  });

  it('Neo4j driver values convert to the same plain values', () => {
    const record = {
      int: neo4j.int(42),
      float: 2.5,
      text: 'é韶关',
      flag: true,
      nothing: null,
      list: [neo4j.int(1), neo4j.int(2), neo4j.int(3)],
      map: { a: neo4j.int(1), b: ['x'], c: { d: 2.0 } },
      day: new neo4j.types.Date(2023, 6, 19),
    };
    expect(toPlain(record)).toEqual(expected);
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

  it('sends whole numbers to Neo4j as Integers and keeps floats', () => {
    const params = toNeo4jParams({ limit: 20, min: 100.5, ids: ['a'], nested: { first: 3 } }) as Record<string, any>;
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.min).toBe(100.5);
    expect(neo4j.isInt(params.nested.first)).toBe(true);
  });

  it('runs reads in a transaction that never keeps a write: a read cannot write', async () => {
    await store.read("CREATE (:Entity {id: 'sneaky'})");
    expect(await store.read("MATCH (n:Entity {id: 'sneaky'}) RETURN count(n) AS n")).toEqual([{ n: 0 }]);

    await store.write("CREATE (:Entity:Probe {id: 'probe', kept: 1})");
    const attempts = [
      "MATCH (n:Entity {id: 'probe'}) SET n.kept = 2",
      "MATCH (n:Entity {id: 'probe'}) REMOVE n.kept",
      "MATCH (n:Entity {id: 'probe'}) SET n:Extra",
      "MATCH (n:Entity {id: 'probe'}) REMOVE n:Probe",
      "MATCH (n:Entity {id: 'probe'}) CREATE (n)-[:SNEAKY]->(:Entity {id: 'sneaky2'})",
      "MATCH (n:Entity {id: 'probe'}) DETACH DELETE n",
    ];
    for (const attempt of attempts) {
      await store.read(attempt).catch(() => undefined);
      const [probe] = await store.read<{ kept: number; labels: string[]; rels: number }>(
        "MATCH (n:Entity {id: 'probe'}) RETURN n.kept AS kept, labels(n) AS labels, COUNT { (n)--() } AS rels",
      );
      expect(probe, attempt).toEqual({ kept: 1, labels: expect.arrayContaining(['Entity', 'Probe']), rels: 0 });
      expect(probe!.labels, attempt).not.toContain('Extra');
    }
    await store.write("MATCH (n:Entity {id: 'probe'}) DETACH DELETE n");
  });

  it('a write that outlives its time limit fails at once and never commits', async () => {
    const slow = store.write('UNWIND range(1, 400000) AS x CREATE (:SlowProbe {x: x})', {}, { timeoutMs: 5 });
    await expect(slow).rejects.toThrow(/exceeded the 5 ms time limit/);
    // The engine finishes the statement in the background (well under 2 s here), then rolls it back.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await store.read('MATCH (p:SlowProbe) RETURN count(p) AS n')).toEqual([{ n: 0 }]);
  });

  it('applies SKIP and LIMIT from integer parameters on both engines', async () => {
    const rows = await store.read('UNWIND range(1, 10) AS x RETURN x ORDER BY x SKIP $skip LIMIT $limit', {
      skip: 2,
      limit: 3,
    });
    expect(rows).toEqual([{ x: 3 }, { x: 4 }, { x: 5 }]);
  });
});
