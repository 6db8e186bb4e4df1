/**
 * The full-text index behind GraphStore.searchEntities, declared once: cypher/000_schema.cypher
 * creates it from this (src/knowledge/cypher-writer.ts), Neo4j queries it by name and the
 * embedded engine searches the same label and properties, also after a reopen without re-seeding.
 */
export const SEARCH_INDEX = {
  name: 'entity_search',
  label: 'Entity',
  /** Every name form of an entity (canonical, aliases, Traditional, pinyin), one text (cypher-writer's searchText). */
  properties: ['searchText'],
  /** Neo4j's analyzer: CJK bigrams plus whole Latin words; the embedded engine's tokenizer is its cjk_bigram. */
  analyzer: 'cjk',
} as const;

/** The DDL statement that declares the index, as Neo4j 5 writes it (the embedded adapter translates it). */
export function searchIndexStatement(): string {
  const { name, label, properties, analyzer } = SEARCH_INDEX;
  return [
    `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON EACH [${properties.map((p) => `n.${p}`).join(', ')}]`,
    `OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${analyzer}'}};`,
  ].join('\n');
}

/**
 * Bigrams of the legal-form words a Chinese company name ends with (有限公司, 股份有限公司,
 * 有限责任公司, 集团). Nearly every enterprise holds them: at 1M synthetic nodes 有限 and 公司 are
 * in a third of all entities. A BM25 index scores every entity that holds a query term, so one
 * such term makes a search by full name cost a scan (260 ms at 1M on the embedded engine), while
 * its weight in the ranking is next to nothing.
 */
export const COMMON_BIGRAMS: ReadonlySet<string> = new Set([
  '有限',
  '限公',
  '公司',
  '股份',
  '份有',
  '限责',
  '责任',
  '任公',
  '集团',
]);

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * The text both adapters hand their full-text index: `text` itself, or, when it holds a bigram of
 * COMMON_BIGRAMS and other terms besides, those other terms. A run of Han characters with a
 * common bigram is written as its remaining bigrams, space-separated, which both analyzers (CJK
 * bigrams) read as exactly those terms; no new bigram forms across a gap. A text of common bigrams
 * only is searched as written: an empty query would find nothing, which would be a wrong answer.
 * The same rewrite on both engines keeps their answers alike.
 */
export function searchQueryText(text: string): string {
  let dropped = false;
  const rewritten = text.replace(HAN_RUN, (run) => {
    const chars = Array.from(run);
    const bigrams = chars.slice(1).map((c, i) => chars[i]! + c);
    const kept = bigrams.filter((b) => !COMMON_BIGRAMS.has(b));
    if (kept.length === bigrams.length) return run;
    dropped = true;
    return ` ${kept.join(' ')} `;
  });
  if (!dropped) return text;
  const query = rewritten.replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(query) ? query : text;
}
