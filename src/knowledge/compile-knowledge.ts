/**
 * Turns validated seed files into one merged, checked knowledge graph: evidence quotes resolved
 * to original character offsets, entities that several documents mention merged by id, facts
 * checked against the predicate table and merged by (subject, predicate, object).
 */
import type { SourceText } from '../text/source-text.js';
import { locate } from '../text/source-text.js';
import type { Corpus } from './corpus.js';
import type { LoadedSeed } from './load-seeds.js';
import { SeedError } from '../errors.js';
import { duplicateProblems, placementProblems, targetProblems, type Unplaced } from './model-checks.js';
import {
  allows,
  describeEnds,
  PREDICATES,
  type Basis,
  type EntityKind,
  qualifierNames,
  type EvidenceInput,
  type Predicate,
  type UnplacedWorklist,
} from './seed-schema.js';

export interface Evidence {
  doc: string;
  /** The excerpt exactly as the original document holds it at [start, end). */
  quote: string;
  start: number;
  end: number;
}

export interface DocumentNode {
  id: string;
  file: string;
  title: string;
  publisher: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the text allows. */
  date: string;
  /** stated (the text prints it) or inferred (the text implies it: see dateReason). */
  dateBasis: 'stated' | 'inferred';
  dateReason?: string;
  city: string;
  script: 'simplified' | 'traditional';
  seedFile: string;
  evidence: Evidence[];
}

export type PropertyValue = string | number | boolean | string[];

export interface EntityNode {
  id: string;
  kind: EntityKind;
  name: string;
  nameEn?: string;
  aliases: string[];
  props: Record<string, PropertyValue>;
  basis: Basis;
  /** Why an inferred entity is taken to exist under this name. */
  reason?: string;
  /** Ids this entity is not a duplicate of although the names contain each other, with the reason. */
  distinctFrom: Record<string, string>;
  evidence: Evidence[];
}

export interface FactEdge {
  s: string;
  p: Predicate;
  o: string;
  /**
   * The qualifiers, plus `basis` (always) and `reason` (inferred and world-knowledge facts), and
   * `statusDocs` / `statuses` when documents give the fact different statuses.
   */
  props: Record<string, string | number | boolean | string[]>;
  evidence: Evidence[];
}

export interface Knowledge {
  documents: DocumentNode[];
  entities: EntityNode[];
  facts: FactEdge[];
  /** Coverage-lint ignores per document id. */
  ignores: Map<string, Array<{ text: string; reason: string }>>;
  /** Parks and projects that reach no city, all on the unplaced worklist (else the build failed). */
  unplaced: Unplaced[];
  /** Things a reviewer should look at that do not fail the build (printed by build:cypher). */
  notes: string[];
}

export const MAX_QUOTE = 50;

export interface WorldKnowledge {
  file: string;
  facts: Array<{
    s: string;
    p: Predicate;
    o: string;
    props: Record<string, string | number | boolean>;
    reason: string;
  }>;
}

export interface Worklist {
  file: string;
  entries: UnplacedWorklist['unplaced'];
}

export async function compileKnowledge(
  seeds: LoadedSeed[],
  corpus: Corpus,
  world: WorldKnowledge = { file: '', facts: [] },
  worklist: Worklist = { file: '', entries: [] },
): Promise<Knowledge> {
  const problems: string[] = [];
  const documents = new Map<string, DocumentNode>();
  const texts = new Map<string, SourceText>();

  for (const { file, seed } of seeds) {
    const d = seed.document;
    if (documents.has(d.id))
      problems.push(`${file}: document ${d.id} is also declared in ${documents.get(d.id)!.seedFile}`);
    try {
      texts.set(d.id, await corpus.document(d.file));
    } catch (error) {
      problems.push(`${file}: document ${d.id}: ${(error as Error).message}`);
      continue;
    }
    documents.set(d.id, {
      id: d.id,
      file: d.file,
      title: d.title,
      publisher: d.publisher,
      date: d.date,
      dateBasis: d.dateBasis,
      ...(d.dateReason ? { dateReason: d.dateReason } : {}),
      city: d.city,
      script: d.script,
      seedFile: file,
      evidence: [],
    });
  }
  if (problems.length) throw new SeedError(problems);

  const resolve = (file: string, ownDoc: string, where: string, inputs: EvidenceInput[]): Evidence[] => {
    const out: Evidence[] = [];
    for (const input of inputs) {
      const doc = typeof input === 'string' ? ownDoc : input.doc;
      const quote = typeof input === 'string' ? input : input.quote;
      const text = texts.get(doc);
      if (!text) {
        problems.push(`${file}: ${where}: evidence names ${doc}, which no seed file declares`);
        continue;
      }
      const found = locate(text, quote);
      if (!found) problems.push(`${file}: ${where}: quote not found in ${doc}: "${quote}"`);
      else if (found.count > 1)
        problems.push(
          `${file}: ${where}: quote occurs ${found.count} times in ${doc}, lengthen it until it is unique: "${quote}"`,
        );
      else {
        const original = text.original.slice(found.start, found.end);
        if (original.length > MAX_QUOTE)
          problems.push(
            `${file}: ${where}: the original excerpt is ${original.length} characters (max ${MAX_QUOTE}), shorten the quote: "${quote}"`,
          );
        else out.push({ doc, quote: original, start: found.start, end: found.end });
      }
    }
    return out;
  };

  const entities = new Map<string, EntityNode & { declaredIn: string; where: string }>();
  const ignores = new Map<string, Array<{ text: string; reason: string }>>();
  const factInputs: Array<{
    file: string;
    fact: LoadedSeed['seed']['facts'][number];
    evidence: Evidence[];
    index: number;
  }> = [];

  for (const { file, seed } of seeds) {
    const docId = seed.document.id;
    documents.get(docId)!.evidence = resolve(file, docId, 'document', seed.document.evidence);
    ignores.set(docId, seed.ignore);
    seed.entities.forEach((e, i) => {
      const where = `entities[${i}] (${e.id})`;
      const evidence = resolve(file, docId, where, e.evidence);
      const props = e.props as Record<string, PropertyValue>;
      const existing = entities.get(e.id);
      if (!existing) {
        entities.set(e.id, {
          id: e.id,
          kind: e.kind,
          name: e.name,
          nameEn: e.nameEn,
          aliases: [...e.aliases],
          props: { ...props },
          basis: e.basis,
          ...(e.reason ? { reason: e.reason } : {}),
          distinctFrom: { ...e.distinctFrom },
          evidence,
          declaredIn: file,
          where: `${file}: ${where}`,
        });
        return;
      }
      // One file naming the entity outright makes it stated, whatever the others infer.
      if (e.basis === 'stated' && existing.basis === 'inferred') {
        existing.basis = 'stated';
        delete existing.reason;
      }
      Object.assign(existing.distinctFrom, e.distinctFrom);
      if (existing.kind !== e.kind)
        problems.push(`${file}: ${where}: kind ${e.kind} differs from ${existing.kind} in ${existing.declaredIn}`);
      if (existing.name !== e.name)
        problems.push(`${file}: ${where}: name "${e.name}" differs from "${existing.name}" in ${existing.declaredIn}`);
      if (e.nameEn && existing.nameEn && e.nameEn !== existing.nameEn)
        problems.push(
          `${file}: ${where}: nameEn "${e.nameEn}" differs from "${existing.nameEn}" in ${existing.declaredIn}`,
        );
      existing.nameEn ??= e.nameEn;
      for (const a of e.aliases) if (!existing.aliases.includes(a)) existing.aliases.push(a);
      for (const [k, v] of Object.entries(props)) {
        const old = existing.props[k];
        if (old !== undefined && JSON.stringify(old) !== JSON.stringify(v))
          problems.push(
            `${file}: ${where}: props.${k} = ${JSON.stringify(v)} differs from ${JSON.stringify(old)} in ${existing.declaredIn}`,
          );
        else existing.props[k] = v;
      }
      existing.evidence.push(...evidence);
    });
    seed.facts.forEach((fact, index) => {
      factInputs.push({
        file,
        fact,
        index,
        evidence: resolve(file, docId, `facts[${index}] (${fact.s} ${fact.p} ${fact.o})`, fact.evidence),
      });
    });
  }

  for (const doc of documents.values()) {
    const city = entities.get(doc.city);
    if (!city) problems.push(`${doc.seedFile}: document.city ${doc.city} is not an entity`);
    else if (!city.evidence.some((ev) => ev.doc === doc.id))
      problems.push(`${doc.seedFile}: document.city ${doc.city} needs evidence from ${doc.id}`);
  }

  const facts = new Map<string, FactEdge & { declaredIn: string }>();
  // Per fact, what each declaring document says its status is (see mergeStatuses).
  const statusReadings = new Map<string, StatusReading[]>();
  const docOfFile = new Map(seeds.map(({ file, seed }) => [file, seed.document.id]));
  for (const { file, fact, index, evidence } of factInputs) {
    const where = `facts[${index}] (${fact.s} ${fact.p} ${fact.o})`;
    const s = entities.get(fact.s);
    const o = entities.get(fact.o);
    if (!s) problems.push(`${file}: ${where}: subject ${fact.s} is not declared in any seed file`);
    if (!o) problems.push(`${file}: ${where}: object ${fact.o} is not declared in any seed file`);
    if (!s || !o) continue;
    if (!allows(fact.p, s.kind, o.kind))
      problems.push(
        `${file}: ${where}: the model does not allow ${s.kind} -[${fact.p}]-> ${o.kind} (allowed: ${describeEnds(fact.p)})`,
      );
    if (fact.s === fact.o) problems.push(`${file}: ${where}: subject and object are the same entity`);
    // Each document's seed file writes the facts it has evidence for, after the entities it has
    // evidence for: a fact lands only if, in one of its documents, both ends are declared too.
    const docsOf = (e: EntityNode) => new Set(e.evidence.map((ev) => ev.doc));
    const factDocs = [...new Set(evidence.map((ev) => ev.doc))];
    if (evidence.length && !factDocs.some((d) => docsOf(s).has(d) && docsOf(o).has(d))) {
      const has = (e: EntityNode) => [...docsOf(e)].filter((d) => factDocs.includes(d)).join(', ') || 'none of them';
      problems.push(
        `${file}: ${where}: no document of its evidence (${factDocs.join(', ')}) has evidence for both ends (${s.id}: ${has(s)}; ${o.id}: ${has(o)}); declare the missing end in this seed file with a quote from this document: a fact is written with its document, after that document's entities`,
      );
    }
    const [from, to] = PREDICATES[fact.p].symmetric && fact.s > fact.o ? [fact.o, fact.s] : [fact.s, fact.o];
    const key = `${from} ${fact.p} ${to}`;
    const existing = facts.get(key);
    const basis = { basis: fact.basis, ...(fact.reason ? { reason: fact.reason } : {}) };
    if (takesStatus(fact.p)) {
      const doc = documents.get(docOfFile.get(file)!)!;
      const status = typeof fact.props.status === 'string' ? fact.props.status : DEFAULT_STATUS;
      const readings = statusReadings.get(key) ?? [];
      statusReadings.set(key, [...readings, { doc: doc.id, date: doc.date, status, file, where }]);
    }
    if (!existing) {
      facts.set(key, {
        s: from,
        p: fact.p,
        o: to,
        props: { ...fact.props, ...basis },
        evidence: [...evidence],
        declaredIn: file,
      });
      continue;
    }
    // A fact one file states is stated, whatever another infers.
    if (fact.basis === 'stated' && existing.props.basis === 'inferred') {
      existing.props.basis = 'stated';
      delete existing.props.reason;
    }
    for (const [k, v] of Object.entries(fact.props)) {
      if (k === 'status') continue; // decided below, from every document's reading
      if (existing.props[k] !== undefined && existing.props[k] !== v)
        problems.push(
          `${file}: ${where}: props.${k} = ${JSON.stringify(v)} differs from ${JSON.stringify(existing.props[k])} in ${existing.declaredIn}`,
        );
      else existing.props[k] = v;
    }
    existing.evidence.push(...evidence);
  }

  const notes: string[] = [];
  for (const [key, readings] of statusReadings) {
    const merged = mergeStatuses(readings);
    const fact = facts.get(key)!;
    if ('problem' in merged) {
      problems.push(`${readings[0]!.file}: ${readings[0]!.where}: ${merged.problem}`);
      continue;
    }
    if (merged.status !== DEFAULT_STATUS || fact.props.status !== undefined) fact.props.status = merged.status;
    if (merged.history) {
      fact.props.statusDocs = merged.history.map((r) => r.doc);
      fact.props.statuses = merged.history.map((r) => r.status);
      if (merged.regressed)
        notes.push(
          `${key}: the latest document's status is less advanced than an earlier one's (${merged.history.map((r) => `${r.doc} ${r.date}: ${r.status}`).join(' → ')}); check the readings`,
        );
    }
  }

  world.facts.forEach((fact, index) => {
    const where = `${world.file}: facts[${index}] (${fact.s} ${fact.p} ${fact.o})`;
    const s = entities.get(fact.s);
    const o = entities.get(fact.o);
    if (!s || !o) {
      problems.push(`${where}: ${!s ? fact.s : fact.o} is not declared in any seed file`);
      return;
    }
    if (!allows(fact.p, s.kind, o.kind)) {
      problems.push(
        `${where}: the model does not allow ${s.kind} -[${fact.p}]-> ${o.kind} (allowed: ${describeEnds(fact.p)})`,
      );
      return;
    }
    const [from, to] = PREDICATES[fact.p].symmetric && fact.s > fact.o ? [fact.o, fact.s] : [fact.s, fact.o];
    const key = `${from} ${fact.p} ${to}`;
    // The text stating the same fact makes the world-knowledge entry redundant, not wrong.
    if (!facts.has(key)) {
      facts.set(key, {
        s: from,
        p: fact.p,
        o: to,
        props: { ...fact.props, basis: 'world-knowledge', reason: fact.reason },
        evidence: [],
        declaredIn: world.file,
      });
    }
  });

  if (problems.length) throw new SeedError(problems);
  const allEntities = [...entities.values()];
  const allFacts = [...facts.values()];
  const where = (id: string) => entities.get(id)?.where ?? id;
  problems.push(...duplicateProblems(allEntities, allFacts, where));
  problems.push(...targetProblems(allEntities, allFacts, where));
  const placement = placementProblems(allEntities, allFacts, worklist, where);
  problems.push(...placement.problems);
  if (problems.length) throw new SeedError(problems);

  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    documents: [...documents.values()].sort(byId),
    entities: [...entities.values()]
      .map(({ declaredIn: _, where: __, ...e }) => ({
        ...e,
        aliases: e.aliases.filter((a) => a !== e.name),
        evidence: dedupe(e.evidence),
      }))
      .sort(byId),
    facts: [...facts.values()]
      .map(({ declaredIn: _, ...f }) => ({ ...f, evidence: dedupe(f.evidence) }))
      .sort((a, b) => (`${a.p} ${a.s} ${a.o}` < `${b.p} ${b.s} ${b.o}` ? -1 : 1)),
    ignores,
    unplaced: placement.unplaced,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// A fact several documents state with different statuses

/** A fact status omitted in a seed means existing (seeds/README.md, qualifier vocabularies). */
const DEFAULT_STATUS = 'existing';
const takesStatus = (p: Predicate) => qualifierNames(p).includes('status');

interface StatusReading {
  doc: string;
  date: string;
  status: string;
  file: string;
  where: string;
}

/** The first and last day a document date (YYYY, YYYY-MM, YYYY-MM-DD) can mean, comparable as text. */
export function dateSpan(date: string): [string, string] {
  const [y, m, d] = date.split('-');
  if (d) return [date, date];
  if (m) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** planned → under-way → existing; sought → nominated → awarded. */
const STATUS_ORDER = ['planned', 'under-way', 'existing', 'sought', 'nominated', 'awarded'];

/**
 * Documents of different dates may see one fact at different stages (a 2021 article: 韶关 is
 * developing 装备制造; a 2023 interview: it has it). The latest document's status stands: it is
 * what the sources say now, and an earlier status is history, not a competing claim. When the
 * documents disagree, every reading is kept, oldest first (`history`), so nothing a document said
 * is lost. Readings that differ from documents whose dates cannot be ordered (2023 and
 * 2023-06-28, or one date) are a problem: which one is current would be a guess.
 */
export function mergeStatuses(
  readings: StatusReading[],
): { status: string; history?: StatusReading[]; regressed?: boolean } | { problem: string } {
  const byDoc = new Map<string, StatusReading>();
  for (const r of readings) {
    const seen = byDoc.get(r.doc);
    if (seen && seen.status !== r.status)
      return { problem: `${r.doc} gives this fact two statuses (${seen.status}, ${r.status}): keep one` };
    byDoc.set(r.doc, r);
  }
  const ordered = [...byDoc.values()].sort((a, b) => {
    const [as, ae] = dateSpan(a.date);
    const [bs, be] = dateSpan(b.date);
    return as < bs ? -1 : as > bs ? 1 : ae < be ? -1 : ae > be ? 1 : a.doc < b.doc ? -1 : 1;
  });
  const latest = ordered[ordered.length - 1]!;
  if (ordered.every((r) => r.status === latest.status)) return { status: latest.status };
  const unordered = ordered.find((r) => r.status !== latest.status && dateSpan(r.date)[1] >= dateSpan(latest.date)[0]);
  if (unordered)
    return {
      problem: `${unordered.doc} (${unordered.date}) says ${unordered.status}, ${latest.doc} (${latest.date}) says ${latest.status}, and their dates do not tell which is later: make the readings agree or give the documents dates that order them`,
    };
  const rank = (s: string) => STATUS_ORDER.indexOf(s);
  const regressed = ordered.some((r) => rank(r.status) > rank(latest.status));
  return { status: latest.status, history: ordered, regressed };
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence
    .filter((e) => {
      const key = `${e.doc}:${e.start}:${e.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.doc === b.doc ? a.start - b.start : a.doc < b.doc ? -1 : 1));
}
