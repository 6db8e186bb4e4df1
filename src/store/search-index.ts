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
