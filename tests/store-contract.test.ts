/**
 * The store contract: what every GraphStore adapter promises, run on the embedded engine always
 * and on Neo4j when NEO4J_TEST_URI is set (the `neo4j` test project; tests/support/test-store.ts).
 * Values, transactions, time limits, typed errors, full-text search, scripts and reopening. A
 * behaviour the engines cannot share is skipped on one of them with the reason beside it.
 *
 * Every node this suite writes carries :Entity:ContractProbe and an id starting `contract:`; it
 * deletes them before and after, and nothing else.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTimeoutError, ScriptError, StoreQueryError, StoreUnavailableError } from '../src/errors.js';
import { RESET_GRAPH } from '../src/seeding/seed-graph.js';
import type { GraphStore } from '../src/store/graph-store.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { CYPHER_DIR, neo4jTestOptions, ON_NEO4J, openTestStore, TEST_ENGINE } from './support/test-store.js';

const SCHEMA = {
  source: `${CYPHER_DIR}/000_schema.cypher`,
  text: readFileSync(`${CYPHER_DIR}/000_schema.cypher`, 'utf8'),
};
const CLEAN = 'MATCH (n:ContractProbe) DETACH DELETE n';
const COUNT = 'MATCH (n:ContractProbe) RETURN count(n) AS n';

/**
 * A read that takes seconds on the engine, for the time limits. Neo4j checks transaction time
 * limits every 2 s (db.transaction.monitor.check.interval), so its query must outlast that even
 * in a fast runtime: 4·10⁸ rows (seconds to tens of seconds, never held in memory). The embedded
 * engine finishes a query it has stopped waiting for in the background, so its query is kept
 * short (10⁶ rows, ~0.7 s here).
 */
const SLOW_SIDE = ON_NEO4J ? 20_000 : 1_000;
const SLOW_READ = `UNWIND range(1, ${SLOW_SIDE}) AS a UNWIND range(1, ${SLOW_SIDE}) AS b
WITH a, b WHERE a + b = -1 RETURN count(*) AS n`;

let store: GraphStore;
const dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-contract-'));

beforeAll(async () => {
  store = openTestStore();
  // On Neo4j, another test file may have left the seeded graph: ChainAtlas's own nodes go, so
  // search sees only this suite's.
  if (ON_NEO4J) await store.write(RESET_GRAPH, {}, { timeoutMs: 120_000 });
  await store.runScripts([SCHEMA]);
  await store.write(CLEAN);
});
afterAll(async () => {
  await store?.write(CLEAN);
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`store contract on ${TEST_ENGINE}: values`, () => {
  it('returns plain values: numbers, text, booleans, null, lists, maps and temporal values as ISO text', async () => {
    const [row] = await store.read(`
      RETURN 42 AS int, 2.5 AS float, 2.0 AS wholeFloat, 'é韶关' AS text, true AS flag, null AS nothing,
             [1, 2, 3] AS list, {a: 1, b: ['x'], c: {d: 2.5}} AS map, date('2023-06-19') AS day,
             datetime('2023-06-19T10:00:00Z') AS instant, localdatetime('2023-06-19T10:00:00') AS local,
             9007199254740993 AS big`);
    expect(row).toEqual({
      int: 42,
      float: 2.5,
      wholeFloat: 2,
      text: 'é韶关',
      flag: true,
      nothing: null,
      list: [1, 2, 3],
      map: { a: 1, b: ['x'], c: { d: 2.5 } },
      day: '2023-06-19',
      instant: '2023-06-19T10:00:00Z',
      local: '2023-06-19T10:00:00',
      big: 9007199254740993n,
    });
  });

  it('takes whole numbers as integer parameters (SKIP, LIMIT, ranges) and compares them with floats', async () => {
    const rows = await store.read('UNWIND range(1, $n) AS x RETURN x ORDER BY x SKIP $skip LIMIT $limit', {
      n: 10,
      skip: 2,
      limit: 3,
    });
    expect(rows).toEqual([{ x: 3 }, { x: 4 }, { x: 5 }]);
    expect(await store.read('RETURN 406.0 >= $min AS over, 2.5 < $min AS under', { min: 100 })).toEqual([
      { over: true, under: true },
    ]);
  });

  it('keeps property values as written: text, numbers, lists and maps of properties()', async () => {
    const props = { id: 'contract:values', name: '韶钢', amountYi: 406.5, year: 2023, aliases: ['韶鋼', 'Shaogang'] };
    await store.write('CREATE (n:Entity:ContractProbe) SET n = $props', { props });
    const [row] = await store.read<{ p: Record<string, unknown> }>(
      "MATCH (n:Entity {id: 'contract:values'}) RETURN properties(n) AS p",
    );
    expect(row!.p).toEqual(props);
  });
});

describe(`store contract on ${TEST_ENGINE}: transactions`, () => {
  it('a write commits; a read never changes the graph (the engine rolls it back or refuses it)', async () => {
    await store.write(CLEAN);
    await store.write("CREATE (:Entity:ContractProbe {id: 'contract:kept', kept: 1})");
    const attempts = [
      "CREATE (:Entity:ContractProbe {id: 'contract:sneaky'})",
      "MATCH (n:Entity {id: 'contract:kept'}) SET n.kept = 2",
      "MATCH (n:Entity {id: 'contract:kept'}) SET n:Extra",
      "MATCH (n:Entity {id: 'contract:kept'}) DETACH DELETE n",
    ];
    for (const attempt of attempts) {
      // Neo4j refuses a write in a read transaction (StoreQueryError); Grafeo runs it and rolls it back.
      await store.read(attempt).catch((error: unknown) => expect(error).toBeInstanceOf(StoreQueryError));
      expect(
        await store.read(
          "MATCH (n:ContractProbe) RETURN n.id AS id, n.kept AS kept, 'Extra' IN labels(n) AS extra ORDER BY id",
        ),
        attempt,
      ).toEqual([{ id: 'contract:kept', kept: 1, extra: false }]);
    }
  });

  it('runs scripts: schema statements again change nothing, and a failing statement leaves the data as it was', async () => {
    await store.write(CLEAN);
    const again = await store.runScripts([SCHEMA]);
    expect(again.schemaStatements).toBeGreaterThan(5);
    const error = await store
      .runScripts([
        {
          source: 'probe.cypher',
          text: "MERGE (n:Entity:ContractProbe {id: 'contract:partial'}) SET n.name = 'half';\n\nMATCH (n:Entity) SET n.name = ;\n",
        },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScriptError);
    expect((error as ScriptError).message).toMatch(/^probe\.cypher:3: /);
    expect(await store.read(COUNT)).toEqual([{ n: 0 }]);
    const done = await store.runScripts([
      { source: 'probe.cypher', text: "MERGE (n:Entity:ContractProbe {id: 'contract:whole'}) SET n.name = 'whole';" },
    ]);
    expect(done.statements - done.schemaStatements).toBe(1);
    expect(await store.read(COUNT)).toEqual([{ n: 1 }]);
  });
});

describe(`store contract on ${TEST_ENGINE}: time limits and errors`, () => {
  it('a read past its time limit fails with QueryTimeoutError', { timeout: 60_000 }, async () => {
    const started = performance.now();
    await expect(store.read(SLOW_READ, {}, { timeoutMs: 50 })).rejects.toBeInstanceOf(QueryTimeoutError);
    // Answered at the limit, not when the query would have ended (Neo4j: at its next 2 s check).
    expect(performance.now() - started).toBeLessThan(ON_NEO4J ? 15_000 : 600);
  });

  it('a write past its time limit fails and never commits', { timeout: 60_000 }, async () => {
    await store.write(CLEAN);
    const slowWrite = `${SLOW_READ.replace(/RETURN count\(\*\) AS n$/, 'WITH count(*) AS n')}
CREATE (:Entity:ContractProbe {id: 'contract:slow', n: n})`;
    await expect(store.write(slowWrite, {}, { timeoutMs: 50 })).rejects.toBeInstanceOf(QueryTimeoutError);
    // The embedded engine ends the statement in the background (under a second here), then rolls it back.
    await new Promise((resolve) => setTimeout(resolve, ON_NEO4J ? 0 : 2_000));
    expect(await store.read(COUNT)).toEqual([{ n: 0 }]);
  });

  it('a query the engine refuses fails with StoreQueryError, its detail kept for the log', async () => {
    const error = await store.read('MATCH (n:Entity RETURN n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreQueryError);
    expect((error as StoreQueryError).userFacing).toBe(false);
    expect((error as StoreQueryError).cause).toBeDefined();
  });

  it('a store it cannot reach fails with StoreUnavailableError saying what to check', async () => {
    // Neo4j: the test server with a wrong password (one attempt, below the server's rate limit);
    // embedded: a closed store.
    const unreachable: GraphStore = ON_NEO4J
      ? new Neo4jStore(neo4jTestOptions({ password: 'not-the-password', maxRetryTimeMs: 0 }))
      : openTestStore();
    if (!ON_NEO4J) await unreachable.close();
    try {
      const error = await unreachable.read('RETURN 1 AS ok').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(ON_NEO4J ? /NEO4J_PASSWORD/ : /closed/);
      // Neo4j locks a user out after 3 failed logins in a row: one attempt is enough there.
      if (!ON_NEO4J) expect((await unreachable.health()).ok).toBe(false);
    } finally {
      await unreachable.close();
    }
  });

  it('names the engine and its version', async () => {
    const info = await store.serverInfo();
    expect(info.engine).toBe(TEST_ENGINE);
    expect(info.version).toMatch(/^\d+\.\d+/);
    if (ON_NEO4J) expect(Number(info.version.split('.')[0])).toBeGreaterThanOrEqual(5);
    expect((await store.health()).ok).toBe(true);
  });
});

describe(`store contract on ${TEST_ENGINE}: deleting ChainAtlas's nodes`, () => {
  afterAll(async () => {
    await store.write('MATCH (n:ContractOther) DETACH DELETE n');
  });

  it('deletes every :Entity node with its relationships, over several batches, and nothing else', async () => {
    // 2,500 nodes: three batches of a thousand (CALL … IN TRANSACTIONS on Neo4j, a loop here).
    await store.write(
      `UNWIND range(1, 2500) AS i
       CREATE (n:Entity:ContractProbe {id: 'contract:bulk-' + toString(i)})
       WITH n, i WHERE i % 2 = 0
       CREATE (n)-[:LINKED]->(:ContractOther {i: i})`,
    );
    const before = (await store.read<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n'))[0]!.n;
    expect(before).toBeGreaterThanOrEqual(2500);
    expect(await store.deleteEntities()).toBe(before);
    expect(await store.read('MATCH (n:Entity) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    expect(await store.read('MATCH (n:ContractOther) RETURN count(n) AS n')).toEqual([{ n: 1250 }]);
    expect(await store.read('MATCH ()-[r:LINKED]->() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
    expect(await store.deleteEntities()).toBe(0);
  });
});

describe(`store contract on ${TEST_ENGINE}: full-text search`, () => {
  const probes = [
    {
      id: 'contract:steel-park',
      kind: 'Park',
      name: '韶钢测试园区',
      nameKeys: ['韶钢测试园区', 'shaogangtestpark'],
      searchText: '韶钢测试园区 | shaogangceshiyuanqu | Shaogang Test Park',
    },
    { id: 'contract:steel-works', searchText: '测试钢铁厂 | ceshigangtiechang' },
    { id: 'contract:other', searchText: '无关的名字 | wuguan' },
    { id: 'contract:steel-co', searchText: '韶钢钢铁有限公司 | shaogang' },
    { id: 'contract:other-co', searchText: '无关科技有限公司' },
  ];

  beforeAll(async () => {
    await store.write(CLEAN);
    await store.write('UNWIND $rows AS row CREATE (n:Entity:ContractProbe) SET n = row', { rows: probes });
  });

  it('finds entities by a Chinese word inside their names and by a Latin word, best first', async () => {
    const han = await store.searchEntities('测试', 10);
    expect(han.map((h) => h.id).sort()).toEqual(['contract:steel-park', 'contract:steel-works']);
    for (let i = 1; i < han.length; i++) expect(han[i - 1]!.score).toBeGreaterThanOrEqual(han[i]!.score);
    expect((await store.searchEntities('shaogang', 10)).map((h) => h.id)).toContain('contract:steel-park');
    expect(await store.searchEntities('不存在的词语', 10)).toEqual([]);
  });

  it('leaves out the legal-form bigrams nearly every company holds, unless the text is nothing else', async () => {
    // 有限, 限公, 公司 alone would match every company (search-index.ts COMMON_BIGRAMS).
    const full = await store.searchEntities('韶钢钢铁有限公司', 10);
    expect(full[0]?.id).toBe('contract:steel-co');
    expect(full.map((h) => h.id)).not.toContain('contract:other-co');
    expect((await store.searchEntities('有限公司', 10)).map((h) => h.id).sort()).toEqual([
      'contract:other-co',
      'contract:steel-co',
    ]);
  });

  it('gives each hit what search ranks by: kind, canonical name and name keys (null when absent)', async () => {
    const hits = await store.searchEntities('测试', 10);
    expect(hits.find((h) => h.id === 'contract:steel-park')).toMatchObject({
      kind: 'Park',
      name: '韶钢测试园区',
      nameKeys: ['韶钢测试园区', 'shaogangtestpark'],
    });
    expect(hits.find((h) => h.id === 'contract:steel-works')?.nameKeys ?? null).toBeNull();
  });

  it('honours the limit', async () => {
    expect(await store.searchEntities('测试', 1)).toHaveLength(1);
  });

  it('takes query-syntax characters as text, never as operators', async () => {
    for (const text of ['C++ AND (x', 'AND', 'NOT 测试', '"测试', 'title:测试', 'a || b', '*', '\\', '测试~2^3']) {
      const hits = await store.searchEntities(text, 10);
      expect(Array.isArray(hits), text).toBe(true);
    }
  });

  it('answers a search past its time limit with QueryTimeoutError, never a partial list', async () => {
    await expect(store.searchEntities('测试', 10, { timeoutMs: 0 })).rejects.toBeInstanceOf(QueryTimeoutError);
  });
});

describe(`store contract on ${TEST_ENGINE}: reopening`, () => {
  it('a store reopened without running the scripts again holds the data and answers search', async () => {
    // Embedded: a database on disk, closed and opened again. Neo4j: a new driver on the same database.
    const first = ON_NEO4J ? store : openTestStore({ path: path.join(dir, 'reopen.grafeo') });
    if (!ON_NEO4J) await first.runScripts([SCHEMA]);
    await first.write(
      "MERGE (n:Entity:ContractProbe {id: 'contract:reopen'}) SET n.searchText = '重新打开 | chongxindakai'",
    );
    if (!ON_NEO4J) await first.close();
    const again = openTestStore({ path: path.join(dir, 'reopen.grafeo') });
    try {
      expect(await again.read("MATCH (n:Entity {id: 'contract:reopen'}) RETURN n.id AS id")).toEqual([
        { id: 'contract:reopen' },
      ]);
      expect((await again.searchEntities('重新', 5)).map((h) => h.id)).toContain('contract:reopen');
    } finally {
      await again.close();
    }
  });
});
