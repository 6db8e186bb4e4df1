/**
 * The question root fields (chainLeaders, connections, investmentSummary, search) answer a request
 * in one query (search: its full-text call and one read), the nested selections analysts ask for
 * included, and give the same answers whatever the selection picks: checked on the real seeds,
 * over HTTP, with every store call recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingStore } from '../src/store/recording-store.js';
import type { GrafeoStore } from '../src/store/grafeo-store.js';
import { serve, type TestServer } from './support/http-client.js';
import { seededStore } from './support/seeded-store.js';

let store: GrafeoStore;
let recorder: RecordingStore;
let server: TestServer;

beforeAll(async () => {
  ({ store } = await seededStore());
  recorder = new RecordingStore(store);
  server = await serve(recorder);
  // The one-off read of the fan-out statistics, before the first request's cost check.
  await server.gql('{ __typename }');
});
afterAll(async () => {
  await server?.close();
  await recorder?.close();
});

/** The data of a request that must succeed, and how many store calls it made. */
async function answer(query: string, variables?: Record<string, unknown>): Promise<{ data: any; calls: number }> {
  recorder.start();
  const res = await server.gql(query, variables);
  const calls = recorder.stop().length;
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { data: res.data, calls };
}

const refusal = async (query: string) => {
  const res = await server.gql(query);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return res.errors![0]!.message;
};

const ENTITY = 'id kind name aliases evidence { quote document { id } }';

describe('chainLeaders', () => {
  /** Everything a leadership offers, whole entities included: no property is picked. */
  const FULL = `role basis reason qualifiers { role status } enterprise { ${ENTITY} city { id } } chain { ${ENTITY} chainType }
    parks { ${ENTITY} parkType status } city { id name level } evidence { quote start end document { id title } }
    parkLinks { id type subject { ${ENTITY} } object { ${ENTITY} } evidence { document { id } } }`;
  const PICKED =
    'enterprise { id name } chain { id name } parks { id } city { name } evidence { quote document { id } }';

  const leaders = async (args: string, selection: string) =>
    (await answer(`{ chainLeaders${args} { ${selection} } }`)).data.chainLeaders as any[];

  it('answers the same whatever the selection picks, for every city, park and chain filter', async () => {
    const refs = await store.read<{ kind: string; id: string }>(
      `MATCH (n:Entity) WHERE n.kind IN ['City', 'Park', 'IndustryChain'] RETURN n.kind AS kind, n.id AS id ORDER BY id`,
    );
    const arg = { City: 'city', Park: 'park', IndustryChain: 'chain' } as Record<string, string>;
    let compared = 0;
    for (const { kind, id } of [{ kind: '', id: '' }, ...refs]) {
      const args = kind ? `(${arg[kind]}: "${id}")` : '';
      const full = await leaders(args, FULL);
      const picked = await leaders(args, PICKED);
      expect(picked, args).toEqual(
        full.map((l) => ({
          enterprise: { id: l.enterprise.id, name: l.enterprise.name },
          chain: { id: l.chain.id, name: l.chain.name },
          parks: l.parks.map((p: any) => ({ id: p.id })),
          city: l.city && { name: l.city.name },
          evidence: l.evidence.map((e: any) => ({ quote: e.quote, document: { id: e.document.id } })),
        })),
      );
      // A park link's ends are the leadership's own entities, whole.
      for (const l of full)
        for (const link of l.parkLinks) {
          const ends = [l.enterprise, l.chain, ...l.parks].map((e) => e.id);
          expect(ends).toContain(link.subject.id);
          expect(ends).toContain(link.object.id);
          expect(link.subject.name).toBeTruthy();
        }
      compared += full.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('filters by park: the leaders anchored in the park or a park inside it', async () => {
    const parks = await store.read<{ id: string; parkIds: string[] }>(
      'MATCH (p:Park) RETURN p.id AS id, p.parkIds AS parkIds ORDER BY id',
    );
    const inside = new Map(parks.map((p) => [p.id, p.parkIds]));
    const every = await leaders('', 'enterprise { id } chain { id } parks { id }');
    let found = 0;
    for (const park of parks) {
      const expected = every.filter((l) => l.parks.some((p: any) => inside.get(p.id)?.includes(park.id)));
      expect(await leaders(`(park: "${park.id}")`, 'enterprise { id } chain { id } parks { id }'), park.id).toEqual(
        expected,
      );
      found += expected.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('costs one store call, the leaders’ cities and the documents of their evidence included', async () => {
    const selection = `role enterprise { id name } chain { id name } parks { id name } city { id name }
      evidence { quote document { id title } } parkLinks { subject { id } object { id } evidence { document { id } } }`;
    for (const args of ['(city: "肇庆")', '(city: "韶关", chain: "钢铁")', '(park: "广东省韶钢产业园")', '']) {
      const { data, calls } = await answer(`{ chainLeaders${args} { ${selection} } }`);
      expect(data.chainLeaders.length, args).toBeGreaterThan(0);
      expect(calls, args).toBe(1);
    }
  });

  it('refuses a park, city or chain that names nothing, the first given first', async () => {
    expect(await refusal('{ chainLeaders(park: "不存在的园区") { role } }')).toBe(
      'park: no Park is called "不存在的园区" (use an id, a name or an alias)',
    );
    expect(await refusal('{ chainLeaders(city: "Atlantis", chain: "不存在的链") { role } }')).toMatch(
      /^city: no City is called "Atlantis"/,
    );
  });
});
