/**
 * The pages over HTTP: where each is served, content negotiation at /graphql, the bundles and
 * their manifest, nothing that names an outside host, Apollo's landing page and reporting off,
 * the GraSS stylesheet as the explorer reads it, and the IDE's example operations.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/graphql/context.js';
import { isEnumType } from 'graphql';
import { sdlSchema } from '../src/graphql/relation-model.js';
import { enumName, VOCABULARIES } from '../src/graphql/vocabularies.js';
import { BASES, NODE_LABELS, RELATIONSHIP_TYPES } from '../src/knowledge/seed-schema.js';
import type { GrafeoStore } from '../src/store/grafeo-store.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { readManifest } from '../src/web/assets.js';
import { readIdeExamples } from '../src/web/build-assets.js';
import {
  findOutsideUrls,
  BASIS_LABELS,
  GrassError,
  KIND_LABELS,
  neutraliseOutsideUrls,
  parseGrass,
  RELATION_LABELS,
} from '../src/web/index.js';
import { seededStore } from './support/seeded-store.js';
import { serveApp, type AppServer } from './support/web-server.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const html = (url: string) => fetch(url, { headers: { accept: BROWSER_ACCEPT } });

let store: GrafeoStore;
let server: AppServer;
beforeAll(async () => {
  ({ store } = await seededStore());
  server = await serveApp({ store, production: true });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe('where the pages are', () => {
  it('/ is the home page, /explore the explorer, GET /graphql from a browser the IDE', async () => {
    for (const [path, marker] of [
      ['/', 'id="counts"'],
      ['/explore', 'id="visible-entities"'],
      ['/graphql', 'id="graphiql"'],
    ]) {
      const res = await html(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(await res.text()).toContain(marker);
    }
  });

  it('/browser-guide opened in a browser tab is the same guide in the site frame; Neo4j Browser still gets it bare', async () => {
    const bare = await fetch(`${server.url}/browser-guide`);
    expect(bare.headers.get('access-control-allow-origin')).toBe('*');
    const guide = await bare.text();
    expect(guide).not.toContain('site-nav');
    const tab = await fetch(`${server.url}/browser-guide`, {
      headers: { accept: BROWSER_ACCEPT, 'sec-fetch-dest': 'document' },
    });
    expect(tab.status).toBe(200);
    const framed = await tab.text();
    expect(framed).toContain('class="site-nav"');
    expect(framed).toMatch(/<link rel="stylesheet" href="\/assets\/guide-[A-Z0-9]+\.css">/);
    expect(framed).toContain(`:play ${server.url}/browser-guide`);
    const slides = (html: string) => html.match(/<slide[\s\S]*?<\/slide>/g) ?? [];
    expect(slides(framed)).toEqual(slides(guide));
    expect(slides(guide).length).toBeGreaterThan(10);
  });

  it('GraphQL clients at /graphql still reach Apollo: POST, GET with a query, GET without HTML in Accept', async () => {
    expect(await server.gql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    // Apollo's CSRF prevention wants a preflight header on GET; a browser's plain navigation gets its JSON error.
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/json/);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const plain = await fetch(`${server.url}/graphql`, { headers: { accept: '*/*' } });
    expect(plain.status).toBe(400);
    expect(plain.headers.get('content-type')).toMatch(/json/);
  });

  it('the home page counts every kind live through the API', async () => {
    const page = await (await html(`${server.url}/`)).text();
    const { data } = await server.gql<{ stats: { nodes: Array<{ name: string; count: number }> } }>(
      '{ stats { nodes { name count } } }',
    );
    for (const kind of NODE_LABELS) {
      const count = data!.stats.nodes.find((n) => n.name === kind)!.count;
      expect(page, kind).toMatch(
        new RegExp(`data-kind="${kind}"[^>]*><span class="count">${count.toLocaleString('en-US')}<`),
      );
    }
    for (const href of ['/explore', '/graphql', '/browser-guide', '/health', '/ready'])
      expect(page).toContain(`href="${href}"`);
  });
});

describe('when the store is down', () => {
  it('the pages still load; the home page says the counts are unavailable and points at /health', async () => {
    // A real driver against a port nobody listens on.
    const down = new Neo4jStore({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'x',
      database: 'neo4j',
      timeoutMs: 2_000,
      maxRetryTimeMs: 500,
    });
    const app = await serveApp({ store: down, production: true });
    try {
      const home = await html(`${app.url}/`);
      expect(home.status).toBe(200);
      const page = await home.text();
      expect(page).toMatch(/计数暂不可用[\s\S]*The graph store is unavailable[\s\S]*href="\/health"/);
      expect(page).not.toContain('id="counts"');
      for (const path of ['/explore', '/graphql']) expect((await html(`${app.url}${path}`)).status, path).toBe(200);
    } finally {
      await app.close();
      await down.close();
    }
  });
});

describe('the bundles', () => {
  it('serves every file the manifest lists, with its type and a year of caching, and nothing else', async () => {
    const manifest = await readManifest();
    for (const file of manifest.files) {
      const res = await fetch(`${server.url}/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      if (file.endsWith('.js')) expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      if (file.endsWith('.css')) expect(res.headers.get('content-type')).toMatch(/^text\/css/);
      await res.arrayBuffer();
    }
    for (const probe of ['manifest.json', '..%2Fmanifest.json', '..%2F..%2Fpackage.json', 'nothing.js'])
      expect((await fetch(`${server.url}/assets/${probe}`)).status, probe).toBe(404);
  });

  it('says how to build them when they are missing, instead of failing obscurely', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'chainatlas-assets-'));
    const { createApp } = await import('../src/http/create-app.js');
    const { webRouter } = await import('../src/web/index.js');
    const { createContext } = await import('../src/graphql/context.js');
    const { apollo } = await createApp({ store, production: true, seeded: () => true });
    const express = (await import('express')).default;
    const app = express().use(webRouter({ apollo, context: () => createContext(store), assetsDir: empty }));
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const res = await html(`http://127.0.0.1:${(listener.address() as { port: number }).port}/explore`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build:web/);
    } finally {
      listener.close();
      await apollo.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('offline: nothing the server sends names another host', () => {
  it('finds outside URLs where a browser would follow them, and lets inert namespaces and loopback pass', () => {
    const found = (text: string) => findOutsideUrls(text).map((u) => u.index);
    expect(found('<script src="https://cdn.example.com/x.js">')).toEqual([13]);
    expect(found('<img src="//cdn.example.com/a.png">')).toHaveLength(1);
    expect(found('@import url(//fonts.example.com/css);')).toHaveLength(1);
    expect(found('fetch("https://usage.example.io/api")')).toHaveLength(1);
    expect(found('createElementNS("http://www.w3.org/2000/svg","g")')).toEqual([]);
    expect(found('"http://json-schema.org/draft-07/schema#"')).toEqual([]);
    expect(found('http://127.0.0.1:4000/graphql http://localhost:4000 http://[::1]:80')).toEqual([]);
    expect(found('`http://${host}` "https://" http://x')).toEqual([]);
    expect(neutraliseOutsideUrls('see https://react.dev/errors/418 or http://www.w3.org/2000/svg')).toBe(
      'see react.dev/errors/418 or http://www.w3.org/2000/svg',
    );
  });

  it('no page and no asset references an outside host', async () => {
    const manifest = await readManifest();
    const urls = [
      '/',
      '/explore',
      '/explore?q=%E9%9F%B6%E5%85%B3',
      '/graphql',
      '/browser-guide',
      '/browser-guide/style.grass',
      ...manifest.files.filter((f) => !/\.(ttf|woff2?|png)$/.test(f)).map((f) => `/assets/${f}`),
    ];
    const offenders: string[] = [];
    for (const url of [...urls, '/browser-guide#tab']) {
      const tab: Record<string, string> = url.endsWith('#tab') ? { 'sec-fetch-dest': 'document' } : {};
      const res = await fetch(`${server.url}${url}`, { headers: { accept: BROWSER_ACCEPT, ...tab } });
      expect(res.status, url).toBe(200);
      for (const hit of findOutsideUrls(await res.text())) offenders.push(`${url}: ${hit.url}`);
    }
    expect(offenders).toEqual([]);
    expect(urls.length).toBeGreaterThan(10);
  });

  it('Apollo shows no landing page and reports nothing, even with an Apollo key in the environment', async () => {
    const saved = { ...process.env };
    const realFetch = globalThis.fetch;
    const outgoing: string[] = [];
    // Anything Apollo would send to its cloud goes through fetch; record it instead of sending it.
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      if (url.hostname !== '127.0.0.1') {
        outgoing.push(url.href);
        return new Response('{}', { status: 200 });
      }
      return realFetch(input, init);
    };
    Object.assign(process.env, {
      APOLLO_KEY: 'service:chainatlas:not-a-real-key',
      APOLLO_GRAPH_REF: 'chainatlas@current',
      APOLLO_SCHEMA_REPORTING: 'true',
    });
    try {
      for (const production of [false, true]) {
        const app = await serveApp({ store, production });
        const page = await (await html(`${app.url}/graphql`)).text();
        expect(page).toContain('id="graphiql"');
        expect(page).not.toMatch(/apollo|sandbox|embeddable/i);
        // Apollo itself, asked as a browser asks: no landing page of its own either.
        const landing = await app.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: 'GET',
            headers: new HeaderMap([['accept', BROWSER_ACCEPT]]),
            search: '',
            body: undefined,
          },
          context: async () => createContext(store),
        });
        expect(landing.headers.get('content-type') ?? '').not.toMatch(/html/);
        expect((await app.gql('{ parks(first: 1) { totalCount } }')).errors).toBeUndefined();
        await app.close(); // usage reporting would flush its report now
      }
      expect(outgoing).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
      process.env = saved;
    }
  });
});

describe('what the explorer draws with', () => {
  it('reads colours, sizes and captions per kind and relationship type from cypher/chainatlas.grass', () => {
    const style = parseGrass(readFileSync('cypher/chainatlas.grass', 'utf8'));
    expect(style.nodes.City).toMatchObject({
      color: '#4C8EDA',
      borderColor: '#2870C2',
      diameter: 65,
      caption: '{name}',
    });
    expect(style.relationships.LEADS_CHAIN).toMatchObject({ color: '#EB2728', shaftWidth: 4, caption: '<type>' });
    for (const kind of NODE_LABELS) expect(style.nodes[kind], kind).toBeDefined();
    for (const type of Object.keys(RELATIONSHIP_TYPES)) expect(style.relationships[type], type).toBeDefined();
  });

  it('says which block of a stylesheet it cannot read', () => {
    expect(() => parseGrass('node.City { color #fff; }')).toThrow(/node\.City: expected "property: value"/);
    expect(() => parseGrass('nodes { color: #fff; }')).toThrow(GrassError);
    expect(() => parseGrass('node.City { color: #fff;')).toThrow(/not closed/);
    expect(parseGrass('node { caption: "{name} }{" }').node.caption).toBe('{name} }{');
  });

  it('has a Chinese and an English name for every kind and relationship type', () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...NODE_LABELS].sort());
    expect(Object.keys(RELATION_LABELS).sort()).toEqual(Object.keys(RELATIONSHIP_TYPES).sort());
  });

  it("names each basis as the schema's Basis enum labels it", () => {
    const basis = sdlSchema().getType('Basis');
    if (!isEnumType(basis)) throw new Error('no Basis enum');
    expect(Object.keys(BASIS_LABELS)).toEqual([...BASES]);
    for (const stored of BASES) {
      const value = basis.getValue(enumName(VOCABULARIES.Basis, stored));
      expect(BASIS_LABELS[stored]!.zh, stored).toBe(value?.description?.split(':')[0]);
    }
  });
});

describe('the README', () => {
  it('shows a screenshot of the explorer and says where each page is', () => {
    const readme = readFileSync('README.md', 'utf8');
    const image = /!\[[^\]]+\]\((docs\/screenshots\/[^)]+\.png)\)/.exec(readme)?.[1];
    expect(image, 'a screenshot in the README').toBeDefined();
    expect(readFileSync(image!).subarray(1, 4).toString()).toBe('PNG');
    for (const page of ['/', '/explore', '/graphql', '/browser-guide', '/health', '/ready'])
      expect(readme).toContain(`[\`${page}\`](http://localhost:4000${page})`);
  });
});

describe("the IDE's example operations", () => {
  it("are the README's examples (chain leaders, search in four scripts, a path, an investment summary, a plan's targets, every pairing, projects by status), and each answers", async () => {
    const examples = await readIdeExamples();
    expect(examples.map((e) => /query (\w+)/.exec(e.query)?.[1])).toEqual([
      'ChainLeaders',
      'SearchInFourScripts',
      'PathBetweenCompanies',
      'InvestmentSummary',
      'PlanTargets',
      'EveryPairing',
      'ProjectsUnderWay',
    ]);
    const readme = readFileSync('README.md', 'utf8');
    for (const { file, query } of examples) {
      expect(readme, `README shows ${file}`).toContain(query);
      const res = await server.gql(query);
      expect(res.errors, file).toBeUndefined();
      const first = Object.values(res.data as Record<string, unknown>)[0];
      expect(Array.isArray(first) ? first.length : (first as { totalCount: number }).totalCount, file).toBeGreaterThan(
        0,
      );
    }
  });
});
