/** Evidence.sentence: the sentence around each quote, read from the corpus (CORPUS_DIR) when the server has it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { MAX_SIDE, sentenceAround } from '../src/text/sentence.js';
import type { GrafeoStore } from '../src/store/grafeo-store.js';
import { seededStore } from './support/seeded-store.js';
import { serveApp, type AppServer } from './support/web-server.js';

describe('sentenceAround', () => {
  const text = '第一句。第二句里有引文，还有后半句；第三句\n第四句！';
  const at = (quote: string) => sentenceAround(text, text.indexOf(quote), text.indexOf(quote) + quote.length);

  it('extends a quote to the sentence marks on either side, keeping the closing mark', () => {
    expect(at('引文')).toEqual({ text: '第二句里有引文，还有后半句；', start: 4, end: 18 });
    expect(at('第一')).toMatchObject({ text: '第一句。', start: 0 });
    expect(at('第三')).toMatchObject({ text: '第三句' }); // a line break ends it and is not included
    expect(at('第四句！').text).toBe('第四句！');
  });

  it('cuts a run-on passage at MAX_SIDE characters either side of the quote', () => {
    const long = `${'甲'.repeat(400)}引文${'乙'.repeat(400)}`;
    const s = sentenceAround(long, 400, 402);
    expect(s).toEqual({
      text: `${'甲'.repeat(MAX_SIDE)}引文${'乙'.repeat(MAX_SIDE)}`,
      start: 400 - MAX_SIDE,
      end: 402 + MAX_SIDE,
    });
  });

  it('refuses offsets outside the text', () => {
    expect(() => sentenceAround(text, -1, 2)).toThrow(RangeError);
    expect(() => sentenceAround(text, 3, 2)).toThrow(/outside a text/);
    expect(() => sentenceAround(text, 0, text.length + 1)).toThrow(RangeError);
  });
});

const EVIDENCE = `evidence { quote start end document { id } sentence { text start end } }`;
/** Every entity a document mentions, with its own evidence and its relationships' (cost within the limits). */
const DOCUMENT_EVIDENCE = `query ($id: ID!) {
  node(id: $id) { ... on Document { entities(first: 300) { id ${EVIDENCE} relations(first: 30) { ${EVIDENCE} } } } }
}`;

type Ev = {
  quote: string;
  start: number;
  end: number;
  document: { id: string };
  sentence: { text: string; start: number; end: number } | null;
};

describe('Evidence.sentence over the API', () => {
  let store: GrafeoStore;
  let withCorpus: AppServer;
  let withoutCorpus: AppServer;
  const { corpusDir } = loadConfig();
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'chainatlas-corpus-'));

  beforeAll(async () => {
    ({ store } = await seededStore());
    withCorpus = await serveApp({ store, production: false, corpusDir });
    withoutCorpus = await serveApp({ store, production: false });
  });
  afterAll(async () => {
    await withCorpus?.close();
    await withoutCorpus?.close();
    await store?.close();
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('gives every quote of every document its sentence, with the quote at its offsets inside it', async () => {
    const { data } = await withCorpus.gql<{ documents: { nodes: Array<{ id: string }> } }>(
      '{ documents { nodes { id } } }',
    );
    let checked = 0;
    for (const { id } of data!.documents.nodes) {
      const res = await withCorpus.gql<{
        node: { entities: Array<{ evidence: Ev[]; relations: Array<{ evidence: Ev[] }> }> };
      }>(DOCUMENT_EVIDENCE, { id });
      expect(res.errors).toBeUndefined();
      for (const entity of res.data!.node.entities) {
        for (const e of [...entity.evidence, ...entity.relations.flatMap((r) => r.evidence)]) {
          expect(e.sentence, `${e.document.id} ${e.quote}`).not.toBeNull();
          const s = e.sentence!;
          expect(s.text.slice(e.start - s.start, e.end - s.start)).toBe(e.quote);
          expect(s.end - s.start).toBe(s.text.length);
          expect(s.text.length).toBeLessThanOrEqual(e.quote.length + 2 * MAX_SIDE + 1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('is null when the server has no corpus, and nothing else changes', async () => {
    const query = `{ node(id: "ent:xpeng") { name ${EVIDENCE} } }`;
    const res = await withoutCorpus.gql<{ node: { evidence: Ev[] } }>(query);
    expect(res.errors).toBeUndefined();
    expect(res.data!.node.evidence.length).toBeGreaterThan(0);
    for (const e of res.data!.node.evidence) expect(e.sentence).toBeNull();
  });

  it('is null, not wrong, when the corpus file no longer holds the quote at its offsets', async () => {
    const { data } = await withCorpus.gql<{ node: { file: string } }>(
      '{ node(id: "doc:002") { ... on Document { file } } }',
    );
    writeFileSync(path.join(elsewhere, data!.node.file), '另一个版本的文档。'.repeat(400));
    const stale = await serveApp({ store, production: false, corpusDir: elsewhere });
    try {
      const res = await stale.gql<{ node: { evidence: Ev[] } }>(`{ node(id: "ent:xpeng") { ${EVIDENCE} } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.node.evidence.map((e) => e.sentence)).toEqual(res.data!.node.evidence.map(() => null));
    } finally {
      await stale.close();
    }
  });

  it('reads only files inside CORPUS_DIR, whatever file name a document node carries', async () => {
    // A corpus directory with a readable file beside it that holds the quote: only the guard keeps it out.
    const corpus = path.join(elsewhere, 'corpus');
    mkdirSync(corpus);
    const outside = path.join(elsewhere, 'outside.txt');
    writeFileSync(outside, '甲乙丙。');
    const guarded = await serveApp({ store, production: false, corpusDir: corpus });
    try {
      for (const [id, file] of [
        ['doc:t1', '../outside.txt'],
        ['doc:t2', outside],
      ]) {
        await store.write(
          `CREATE (:Entity:Document {id: $id, kind: 'Document', name: $id, title: $id, publisher: 'x', date: '2024', file: $file, script: 'simplified'})
           CREATE (:Entity:Enterprise {id: $id + ':e', kind: 'Enterprise', name: $id + 'e', evidenceDocs: [$id], evidenceQuotes: ['甲乙'], evidenceStarts: [0], evidenceEnds: [2]})`,
          { id, file },
        );
        const res = await guarded.gql<{ node: { evidence: Ev[] } }>(
          `query ($id: ID!) { node(id: $id) { ${EVIDENCE} } }`,
          {
            id: `${id}:e`,
          },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.node.evidence, file).toEqual([
          { quote: '甲乙', start: 0, end: 2, document: { id }, sentence: null },
        ]);
      }
    } finally {
      await guarded.close();
    }
  });
});
