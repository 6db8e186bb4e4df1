/**
 * The benchmark's synthetic graph follows the seed schema, the model's one home: every relationship
 * type is generated, each between kinds the schema allows at its ends, and nodes carry only the
 * properties the seed builder writes for their kind.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, REL_TYPES, SyntheticGraph } from '../bench/synthetic-graph.js';
import {
  allows,
  kindPropertyNames,
  NODE_LABELS,
  PREDICATES,
  RELATIONSHIP_TYPES,
  type EntityKind,
  type Predicate,
} from '../src/knowledge/seed-schema.js';

const COMMON = ['id', 'kind', 'name', 'nameEn', 'aliases', 'basis', 'searchText', 'nameKeys'];
const EVIDENCE = ['evidenceDocs', 'evidenceQuotes', 'evidenceStarts', 'evidenceEnds'];
const DOCUMENT = ['title', 'publisher', 'date', 'file', 'script'];

describe('the synthetic graph of the benchmark', () => {
  const graph = SyntheticGraph.create(2_000);
  const kindOf = new Map<string, string>();
  const unexpectedProperties: string[] = [];
  for (const kind of KINDS) {
    const allowed = new Set([...COMMON, ...EVIDENCE, ...(kind === 'Document' ? DOCUMENT : kindPropertyNames(kind))]);
    for (const rows of graph.nodeBatches(kind, 1_000)) {
      for (const row of rows) {
        kindOf.set(String(row.id), kind);
        for (const key of Object.keys(row)) if (!allowed.has(key)) unexpectedProperties.push(`${kind}.${key}`);
      }
    }
  }

  it('has every label of the seed schema, and nodes with its properties only', () => {
    expect([...KINDS].sort()).toEqual([...NODE_LABELS].sort());
    for (const kind of KINDS) expect(graph.counts[kind], kind).toBeGreaterThan(0);
    expect([...new Set(unexpectedProperties)]).toEqual([]);
  });

  it('generates every relationship type, each between kinds the seed schema allows (per end group)', () => {
    expect([...REL_TYPES].sort()).toEqual(Object.keys(RELATIONSHIP_TYPES).sort());
    const wrong: string[] = [];
    for (const type of REL_TYPES) {
      const rule = RELATIONSHIP_TYPES[type]!;
      let rows = 0;
      for (const batch of graph.relBatches(type, 1_000)) {
        for (const { from, to } of batch) {
          rows++;
          const [a, b] = [kindOf.get(from), kindOf.get(to)];
          if (!a || !b) wrong.push(`${type}: ${from} → ${to} names a node the graph does not have`);
          else if (
            type in PREDICATES
              ? !allows(type as Predicate, a as EntityKind, b as EntityKind)
              : !(rule.from as readonly string[]).includes(a) || !(rule.to as readonly string[]).includes(b)
          )
            wrong.push(`${type}: ${a} → ${b} (allowed: ${rule.from.join('/')} → ${rule.to.join('/')})`);
        }
      }
      expect(rows, `no ${type} rows`).toBeGreaterThan(0);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});
