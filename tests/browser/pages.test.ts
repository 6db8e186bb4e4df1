/**
 * The home page, the GraphQL IDE and the explorer in headless Chromium against the real server
 * (embedded engine, real seeds, the corpus for evidence sentences), on a closed network: every
 * host but 127.0.0.1 is unreachable, and the last test fails if any request tried to leave.
 * One server and one browser for the whole file; screenshots go to test-artifacts/screenshots/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { NODE_LABELS } from '../../src/knowledge/seed-schema.js';
import type { GrafeoStore } from '../../src/store/grafeo-store.js';
import { DEFAULT_EXPAND_LIMIT } from '../../src/web/client/explore/panel.js';
import { IDE_EXAMPLES_DIR } from '../../src/web/build-assets.js';
import { parseGrass } from '../../src/web/grass.js';
import { seededStore } from '../support/seeded-store.js';
import { serveApp, type AppServer } from '../support/web-server.js';
import { browserAvailable, browserRequired, CHROMIUM, launchBrowser, type Browser } from './chromium.js';

if (!browserAvailable && !browserRequired)
  console.warn(
    `browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium); CI installs it and runs them`,
  );

interface Head {
  id: string;
  kind: string;
  name: string;
}
interface Relation {
  type: string;
  direction: 'OUT' | 'IN';
  properties: Array<{ key: string; value: string }>;
  node: Head;
}
type Ev = {
  quote: string;
  start: number;
  end: number;
  document: { id: string };
  sentence: { text: string; start: number } | null;
};

describe.skipIf(!browserAvailable && !browserRequired)('in a browser, offline', () => {
  let store: GrafeoStore;
  let server: AppServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ store } = await seededStore());
    server = await serveApp({ store, production: true, corpusDir: loadConfig().corpusDir });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  const open = async (path: string) => {
    await page.goto(`${server.url}${path}`);
    await ready();
  };
  /** The explorer has finished what it was asked (data-state is set synchronously when work starts). */
  const ready = () => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
  const shown = () =>
    page.$$eval('#visible-entities li', (items) => items.map((li) => li.querySelector('.name')!.textContent));
  const canvasCounts = () =>
    page.evaluate(() => {
      const cy = (window as any).chainAtlasExplorer.graph.cy;
      return { nodes: cy.nodes().length as number, edges: cy.edges().length as number };
    });
  const relationsOf = async (id: string) =>
    (
      await server.gql<{ node: { relations: Relation[] } }>(
        `query ($id: ID!) { node(id: $id) { relations(first: 500) { type direction properties { key value } node { id kind name } } } }`,
        { id },
      )
    ).data!.node.relations;

  it('the network guard records what tries to leave loopback (so the last test can fail)', async () => {
    await page.goto(`${server.url}/health`);
    await page.evaluate(async () => {
      await fetch('http://cdn.example.com/probe.js').catch(() => undefined);
      await fetch('https://93.184.215.14/probe').catch(() => undefined);
    });
    expect(browser.outside).toEqual(['http://cdn.example.com/probe.js', 'https://93.184.215.14/probe']);
    browser.outside.length = 0;
    browser.pageErrors.length = 0; // the probe's own failed loads
  });

  it('/ lists the live counts per kind and links to every page', async () => {
    await page.goto(`${server.url}/`);
    const { data } = await server.gql<{ stats: { nodes: Array<{ name: string; count: number }> } }>(
      '{ stats { nodes { name count } } }',
    );
    const counts = await page.$$eval('#counts li', (items) =>
      items.map((li) => [
        li.getAttribute('data-kind'),
        Number(li.querySelector('.count')!.textContent.replace(/,/g, '')),
      ]),
    );
    expect(counts.length).toBe(NODE_LABELS.length);
    for (const [kind, count] of counts)
      expect(count, String(kind)).toBe(data!.stats.nodes.find((n) => n.name === kind)!.count);
    for (const href of ['/explore', '/graphql', '/browser-guide', '/health', '/ready'])
      await expect(page.locator(`main a[href="${href}"]`).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/中国区域产业知识图谱/);
    await browser.screenshot(page, 'home');
  });

  it('/browser-guide in a browser tab is readable: the site frame, nothing wider than the window', async () => {
    await page.goto(`${server.url}/browser-guide`);
    expect(await page.locator('nav.site-nav a[aria-current="page"]').getAttribute('href')).toBe('/browser-guide');
    expect(await page.locator('slide').count()).toBeGreaterThan(10);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await browser.screenshot(page, 'browser-guide');
  });

  it('/graphql renders GraphiQL with the example operations and runs a query', async () => {
    await page.goto(`${server.url}/graphql`);
    await page.waitForSelector('.graphiql-container .monaco-editor', { timeout: 30_000 });
    // One tab per example file, in file order, named by its operation.
    const examples = readdirSync(IDE_EXAMPLES_DIR)
      .filter((f) => f.endsWith('.graphql'))
      .sort()
      .map((f) => /query (\w+)/.exec(readFileSync(path.join(IDE_EXAMPLES_DIR, f), 'utf8'))![1]);
    expect(examples.slice(0, 4)).toEqual([
      'ChainLeaders',
      'SearchInFourScripts',
      'PathBetweenCompanies',
      'InvestmentSummary',
    ]);
    expect(await page.$$eval('.graphiql-tab-button', (tabs) => tabs.map((t) => t.textContent))).toEqual(examples);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => document.querySelector('.graphiql-response')?.textContent?.includes('小鹏汽车'),
      null,
      {
        timeout: 30_000,
      },
    );
    expect(await page.locator('.graphiql-response').innerText()).toMatch(/"chainLeaders"[\s\S]*高要汽车零部件产业园/);
    await browser.screenshot(page, 'ide');
  });

  it('/explore?q=韶关 shows 韶关市 and its neighbours, and lists them in the DOM', async () => {
    const started = Date.now();
    await open('/explore?q=%E9%9F%B6%E5%85%B3');
    console.log(`explorer: /explore?q=韶关 ready ${Date.now() - started} ms after navigation`);
    const names = await shown();
    expect(names).toContain('韶关市');
    // The default neighbourhood: every type but document mentions, types of up to DEFAULT_EXPAND_LIMIT neighbours.
    const relations = await relationsOf('city:shaoguan');
    const perType = new Map<string, number>();
    for (const r of relations) perType.set(r.type, (perType.get(r.type) ?? 0) + 1);
    const expected = new Set(
      relations
        .filter((r) => r.type !== 'MENTIONED_IN' && perType.get(r.type)! <= DEFAULT_EXPAND_LIMIT)
        .map((r) => r.node.name),
    );
    expect(expected.size).toBeGreaterThan(20);
    for (const name of expected) expect(names, name).toContain(name);
    expect(names.length).toBe(expected.size + 1);
    expect((await canvasCounts()).nodes).toBe(names.length);
    expect(await page.locator('#panel h2').innerText()).toBe('韶关市');
    expect(await page.locator('#search-results li').first().getAttribute('data-id')).toBe('city:shaoguan');

    // Drawn as cypher/chainatlas.grass says: fill and border colour per kind, the name as caption.
    const style = parseGrass(readFileSync('cypher/chainatlas.grass', 'utf8'));
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
    const drawn = await page.evaluate(() =>
      (window as any).chainAtlasExplorer.graph.cy.nodes().map((n: any) => ({
        kind: n.data('kind') as string,
        name: n.data('name') as string,
        fill: n.style('background-color') as string,
        border: n.style('border-color') as string,
        label: n.style('label') as string,
        focus: n.hasClass('focus') as boolean,
      })),
    );
    expect(new Set(drawn.map((d: { kind: string }) => d.kind)).size).toBeGreaterThan(4);
    for (const d of drawn as Array<{
      kind: string;
      name: string;
      fill: string;
      border: string;
      label: string;
      focus: boolean;
    }>) {
      expect(d.fill, d.kind).toBe(rgb(style.nodes[d.kind]!.color));
      // The focused entity wears a dark ring instead of its kind's border.
      if (!d.focus) expect(d.border, d.kind).toBe(rgb(style.nodes[d.kind]!.borderColor));
      expect(d.label).toBe(d.name);
    }
    await browser.screenshot(page, 'explore-search');
  });

  it('finds the same city by its Traditional, English and pinyin names', async () => {
    for (const text of ['韶關', 'Shaoguan', 'shaoguan']) {
      await page.fill('#search-input', text);
      await page.press('#search-input', 'Enter');
      await ready();
      expect(new URL(page.url()).searchParams.get('q')).toBe(text);
      expect(await page.locator('#search-results li').first().getAttribute('data-id'), text).toBe('city:shaoguan');
      expect(await shown(), text).toContain('韶关市');
    }
  });

  it('expands a node by one relationship type from the side panel, and keeps it in the URL', async () => {
    await open('/explore?q=%E9%9F%B6%E5%85%B3');
    const before = await shown();
    const indicators = (await relationsOf('city:shaoguan')).filter((r) => r.type === 'HAS_INDICATOR');
    expect(indicators.length).toBeGreaterThan(DEFAULT_EXPAND_LIMIT); // not shown until asked for
    await page.click('.relation-group[data-type="HAS_INDICATOR"] button.expand');
    await ready();
    const after = await shown();
    expect(after.length).toBe(before.length + indicators.length);
    for (const r of indicators) expect(after).toContain(r.node.name);
    expect(new URL(page.url()).searchParams.getAll('expand')).toEqual(['city:shaoguan~HAS_INDICATOR']);

    // The URL is the state: a new page at the same address shows the same entities and selection.
    const shared = page.url();
    const other = await browser.newPage();
    await other.goto(shared);
    await other.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
    expect(
      (await other.$$eval('#visible-entities li', (items) => items.map((li) => li.getAttribute('data-id')))).sort(),
    ).toEqual(
      (await page.$$eval('#visible-entities li', (items) => items.map((li) => li.getAttribute('data-id')))).sort(),
    );
    await other.close();
  });

  it('a click on a node on the canvas opens it in the side panel; a double click expands it', async () => {
    await open('/explore?q=%E9%9F%B6%E5%85%B3');
    const target = await page.evaluate(() => {
      const cy = (window as any).chainAtlasExplorer.graph.cy;
      // A district: a neighbour of 韶关市 with a small neighbourhood of its own.
      const node = cy.nodes().filter((n: any) => n.data('kind') === 'City' && !n.hasClass('focus'))[0];
      const box = cy.container().getBoundingClientRect();
      const p = node.renderedPosition();
      return { id: node.id() as string, name: node.data('name') as string, x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(target.x, target.y);
    await ready();
    expect(await page.locator('#panel article.entity').getAttribute('data-id')).toBe(target.id);
    expect(await page.locator('#panel h2').innerText()).toBe(target.name);
    expect(new URL(page.url()).searchParams.get('select')).toBe(target.id);
    const before = (await canvasCounts()).nodes;
    const relations = (await relationsOf(target.id)).filter((r) => r.type !== 'MENTIONED_IN');
    const perType = new Map<string, number>();
    for (const r of relations) perType.set(r.type, (perType.get(r.type) ?? 0) + 1);
    const neighbours = relations.filter((r) => perType.get(r.type)! <= DEFAULT_EXPAND_LIMIT).map((r) => r.node.id);
    expect(neighbours.length).toBeGreaterThan(0);
    await page.mouse.dblclick(target.x, target.y);
    await ready();
    const ids = await page.$$eval('#visible-entities li', (items) => items.map((li) => li.getAttribute('data-id')));
    for (const id of neighbours) expect(ids).toContain(id);
    expect((await canvasCounts()).nodes).toBeGreaterThanOrEqual(before);
  });

  it("opens an entity's evidence: quote, document, offsets and the sentence around it", async () => {
    await open('/explore?focus=ent%3Axpeng');
    const { data } = await server.gql<{ node: { evidence: Ev[]; relations: Array<{ type: string; evidence: Ev[] }> } }>(
      `{ node(id: "ent:xpeng") {
          evidence { quote start end document { id } sentence { text start } }
          relations(types: [LEADS_CHAIN]) { type evidence { quote start end document { id } sentence { text start } } }
        } }`,
    );
    const items = page.locator('#panel .entity-evidence li.evidence');
    expect(await items.count()).toBe(data!.node.evidence.length);
    for (const [i, e] of data!.node.evidence.entries()) {
      const item = items.nth(i);
      expect(await item.getAttribute('data-document')).toBe(e.document.id);
      expect(await item.locator('mark').innerText()).toBe(e.quote);
      expect(await item.locator('.offsets').innerText()).toBe(`[${e.start}, ${e.end})`);
      expect(e.sentence).not.toBeNull();
      // A sentence the API cut short ends in an ellipsis.
      expect((await item.locator('blockquote').innerText()).replace(/…$/, '')).toBe(e.sentence!.text);
    }
    // A relationship's evidence, one click away.
    const leads = page.locator('.relation-group[data-type="LEADS_CHAIN"] li.relation').first();
    await leads.locator('details summary').click();
    // The evidence may render after the click returns (a busy machine): wait for it, then read it all.
    await leads.locator('li.evidence mark').first().waitFor();
    const quotes = await leads.locator('li.evidence mark').allInnerTexts();
    expect(quotes).toEqual(data!.node.relations[0]!.evidence.map((e) => e.quote));
    await browser.screenshot(page, 'explore-evidence');
  });

  it('marks each fact stated, inferred or world knowledge as the data says, and shows nothing where it says nothing', async () => {
    await open('/explore?focus=city%3Achenzhou');
    const relations = await relationsOf('city:chenzhou');
    const basisOf = (r: Relation) => r.properties.find((p) => p.key === 'basis')?.value ?? null;
    expect(relations.some((r) => basisOf(r) === 'world-knowledge')).toBe(true); // 郴州市 is in 湖南省
    // Open the long lists too, so every relationship is in the DOM.
    for (const more of await page.locator('details.relation-more summary').all()) await more.click();
    for (const r of relations) {
      const item = page.locator(`li.relation[data-type="${r.type}"][data-id="${r.node.id}"]`).first();
      const badge = item.locator('.basis');
      const basis = basisOf(r);
      if (basis === null) {
        expect(await badge.count(), `${r.type} ${r.node.name}`).toBe(0);
        continue;
      }
      expect(await badge.getAttribute('data-basis'), `${r.type} ${r.node.name}`).toBe(basis);
      const reason = r.properties.find((p) => p.key === 'reason')?.value;
      if (reason) expect(await badge.innerText()).toContain(reason);
    }
  });

  it('the chain-leaders view for 肇庆 shows 小鹏汽车, 瑞庆时代, 风华高科 and 喜珍电路 with their parks', async () => {
    const withParks = new Set<string>();
    await open('/explore');
    await page.fill('#leaders-city', '肇庆');
    await page.click('#view-leaders button[type="submit"]');
    await ready();
    expect(new URL(page.url()).searchParams.get('view')).toBe('leaders');
    const { data } = await server.gql<{
      chainLeaders: Array<{ enterprise: Head & { projects: Array<{ parks: Head[] }> }; chain: Head; parks: Head[] }>;
    }>(
      `{ chainLeaders(city: "肇庆") { enterprise { id kind name projects { parks { id kind name } } } chain { id kind name } parks { id kind name } } }`,
    );
    const names = await shown();
    for (const leader of ['小鹏汽车', '瑞庆时代', '风华高科', '喜珍电路']) {
      const rows = data!.chainLeaders.filter((l) => l.enterprise.name === leader);
      expect(rows.length, leader).toBeGreaterThan(0);
      for (const row of rows) {
        // The parks the text puts the enterprise in, else the parks of its projects.
        const parks = row.parks.length ? row.parks : row.enterprise.projects.flatMap((p) => p.parks);
        if (parks.length) withParks.add(leader);
        const cells = page.locator(
          `#leaders-table tr[data-enterprise="${row.enterprise.id}"][data-chain="${row.chain.id}"]`,
        );
        expect(await cells.count()).toBe(1);
        const parkCell = await cells.locator('td.parks').innerText();
        for (const park of parks) {
          expect(parkCell, `${leader} → ${park.name}`).toContain(park.name);
          expect(names).toContain(park.name);
        }
        expect(names).toContain(leader);
        expect(names).toContain(row.chain.name);
      }
    }
    // 风华高科's 高端电容基地 is its own plant, not a park: the text puts it in none, and the view shows none.
    expect([...withParks].sort()).toEqual(['喜珍电路', '小鹏汽车', '瑞庆时代'].sort());
    const { edges } = await canvasCounts();
    expect(edges).toBeGreaterThanOrEqual(data!.chainLeaders.length);
    // Relationships too are drawn in their GraSS colour, captioned with their type.
    const grass = parseGrass(readFileSync('cypher/chainatlas.grass', 'utf8')).relationships.LEADS_CHAIN!;
    const leads = await page.evaluate(() =>
      (window as any).chainAtlasExplorer.graph.cy
        .edges('.LEADS_CHAIN')
        .map((e: any) => [e.style('line-color'), e.style('label')]),
    );
    expect(leads.length).toBe(data!.chainLeaders.length);
    for (const [color, label] of leads)
      expect([color, label]).toEqual([
        `rgb(${[1, 3, 5].map((i) => parseInt(grass.color.slice(i, i + 2), 16)).join(',')})`,
        'LEADS_CHAIN',
      ]);
    await browser.screenshot(page, 'chain-leaders');
  });

  it('draws the paths between two entities and a city’s parks, chains and projects', async () => {
    await open('/explore?view=path&from=%E5%B0%8F%E9%B9%8F%E6%B1%BD%E8%BD%A6&to=%E9%A3%8E%E5%8D%8E%E9%AB%98%E7%A7%91');
    const { data } = await server.gql<{
      connections: Array<{ nodes: Head[]; steps: Array<{ type: string; from: { id: string }; to: { id: string } }> }>;
    }>(
      '{ connections(from: "小鹏汽车", to: "风华高科", maxHops: 4, first: 5) { nodes { id kind name } steps { type from { id } to { id } } } }',
    );
    expect(await page.locator('#path-list li.path').count()).toBe(data!.connections.length);
    const steps = new Set(
      data!.connections.flatMap((p) => p.steps.map((s) => [s.type, ...[s.from.id, s.to.id].sort()].join())),
    );
    expect((await canvasCounts()).edges).toBe(steps.size);
    await browser.screenshot(page, 'explore-path');

    await open('/explore?view=city&city=%E9%83%B4%E5%B7%9E');
    const totals = await server.gql<Record<string, { totalCount: number }>>(
      '{ parks(filter: {city: "郴州"}) { totalCount } chains(filter: {city: "郴州"}) { totalCount } projects(filter: {city: "郴州"}) { totalCount } }',
    );
    for (const [kind, field] of [
      ['Park', 'parks'],
      ['IndustryChain', 'chains'],
      ['Project', 'projects'],
    ] as const) {
      expect(await page.locator(`.city-counts li[data-kind="${kind}"]`).innerText()).toContain(
        String(totals.data![field]!.totalCount),
      );
    }
    expect(await shown()).toContain('郴州市');
  });

  it('says what is wrong when a view cannot be drawn, in the status line', async () => {
    await open('/explore?view=leaders&city=%E7%81%AB%E6%98%9F');
    const status = page.locator('#status');
    expect(await status.getAttribute('class')).toContain('error');
    expect(await status.innerText()).toMatch(/出错[\s\S]*no City is called "火星"/);
    expect(await shown()).toEqual([]);
  });

  it('goes back and forward through views with the browser history', async () => {
    await open('/explore?q=%E9%9F%B6%E5%85%B3');
    await page.click('#view-city button[type="submit"]');
    await ready();
    expect(new URL(page.url()).searchParams.get('view')).toBe('city');
    await page.goBack();
    await ready();
    expect(new URL(page.url()).searchParams.get('q')).toBe('韶关');
    expect(await page.locator('#panel h2').innerText()).toBe('韶关市');
  });

  it('no page raised an error, and no request left 127.0.0.1', () => {
    expect(browser.pageErrors).toEqual([]);
    expect(browser.outside).toEqual([]);
  });
});
