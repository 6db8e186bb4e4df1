/**
 * The build's checks on the merged graph that no single entry shows: likely duplicates (two ids
 * for one thing split every count) and parks or projects that reach no city (they drop out of
 * every "in city X" answer). Pure functions over the compiled entities and facts; each problem
 * names the entry (file, index, id) and the reason.
 */
import { nameKey } from '../text/chinese.js';
import type { EntityNode, FactEdge, Worklist } from './compile-knowledge.js';
import type { EntityKind } from './seed-schema.js';

/**
 * Per kind, the generic endings that do not tell two things apart (装备制造业 = 装备制造; the
 * project 南兴装备项目 and the enterprise 南兴装备), longest first; dropped once from a name key,
 * never below two characters. Other kinds keep their endings (省级特色产业园 ≠ 省级特色产业集群).
 */
const GENERIC_SUFFIXES: Partial<Record<EntityKind, string[]>> = {
  Project: ['项目'],
  Enterprise: ['股份有限公司', '有限公司', '公司', '集团'],
  IndustryChain: ['产业集群', '产业链', '产业', '行业'],
};

/** The key two names are compared by: nameKey (script, width, punctuation) without a generic ending. */
export function duplicateKey(kind: EntityKind, name: string): string {
  let key = nameKey(name);
  for (const suffix of GENERIC_SUFFIXES[kind] ?? []) {
    if (key.endsWith(suffix) && [...key].length - [...suffix].length >= 2) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  // 制造业, 服务业: a chain's trailing 业 says nothing (装备制造业 = 装备制造).
  if (kind === 'IndustryChain' && key.endsWith('业') && [...key].length >= 3) key = key.slice(0, -1);
  return key;
}

/** Kinds whose containment check is limited to entities in the same city (names repeat across cities). */
const PLACED_KINDS = new Set<EntityKind>(['Park', 'Project', 'Enterprise', 'Organization']);
/** Kinds without a containment check: descriptive names that contain one another by design. */
const NO_CONTAINMENT = new Set<EntityKind>(['Indicator']);
/** Relationships through which a thing reaches its city. */
const PLACING = new Set(['LOCATED_IN', 'IN_PARK', 'PART_OF']);

const forms = (e: EntityNode) => [...new Set([e.name, ...e.aliases])];

/**
 * Likely duplicates:
 * - two ids sharing a name or alias key (any kinds), unless one lists the other in `distinctFrom`
 *   with the reason, or they are an enterprise and its project linked by OPERATES;
 * - within a kind, one name containing another (parks, projects, enterprises, organisations: in
 *   the same city), unless a fact links the two (a PART_OF path, or any direct fact) or one lists
 *   the other in `distinctFrom`;
 * - an enterprise and a project of the same name not linked by OPERATES.
 */
export function duplicateProblems(entities: EntityNode[], facts: FactEdge[], where: (id: string) => string): string[] {
  const linked = new Set<string>();
  const operates = new Set<string>();
  const partOf = new Map<string, string[]>();
  for (const f of facts) {
    linked.add(`${f.s}|${f.o}`).add(`${f.o}|${f.s}`);
    if (f.p === 'OPERATES') operates.add(`${f.s}|${f.o}`).add(`${f.o}|${f.s}`);
    if (f.p === 'PART_OF') {
      partOf.set(f.s, [...(partOf.get(f.s) ?? []), f.o]);
      partOf.set(f.o, [...(partOf.get(f.o) ?? []), f.s]);
    }
  }
  const partOfConnected = (a: string, b: string) => {
    const seen = new Set([a]);
    const queue = [a];
    while (queue.length) {
      const x = queue.shift()!;
      if (x === b) return true;
      for (const y of partOf.get(x) ?? [])
        if (!seen.has(y)) {
          seen.add(y);
          queue.push(y);
        }
    }
    return false;
  };
  const distinct = (a: EntityNode, b: EntityNode) => b.id in a.distinctFrom || a.id in b.distinctFrom;
  const cities = placesOf(entities, facts);
  const sameCity = (a: EntityNode, b: EntityNode) => {
    const ca = cities.get(a.id) ?? new Set<string>();
    const cb = cities.get(b.id) ?? new Set<string>();
    if (ca.size === 0 && cb.size === 0) return true;
    return [...ca].some((c) => cb.has(c));
  };

  const problems: string[] = [];
  const reported = new Set<string>();
  const report = (a: EntityNode, b: EntityNode, message: string) => {
    const pair = [a.id, b.id].sort().join('|');
    if (reported.has(pair)) return;
    reported.add(pair);
    problems.push(`${where(a.id)}: likely duplicate of ${b.id} (${where(b.id)}): ${message}`);
  };

  // Same key, any kinds.
  const owners = new Map<string, EntityNode[]>();
  for (const e of entities) {
    if (e.kind === 'Indicator') continue;
    for (const key of new Set(forms(e).map((f) => duplicateKey(e.kind, f)))) {
      const list = owners.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      owners.set(key, list);
    }
  }
  for (const [key, list] of owners) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        if (distinct(a, b)) continue;
        const kinds = new Set([a.kind, b.kind]);
        if (kinds.has('Enterprise') && kinds.has('Project')) {
          if (!operates.has(`${a.id}|${b.id}`))
            report(a, b, `an enterprise and a project named "${key}" must be linked by OPERATES`);
          continue;
        }
        report(
          a,
          b,
          `both are called "${key}" (after folding script, width, punctuation and generic endings); merge them, or add distinctFrom with the reason they differ`,
        );
      }
    }
  }

  // One name containing another within a kind.
  const byKind = new Map<EntityKind, Array<{ e: EntityNode; keys: string[] }>>();
  for (const e of entities) {
    if (NO_CONTAINMENT.has(e.kind)) continue;
    const list = byKind.get(e.kind) ?? [];
    list.push({ e, keys: [...new Set(forms(e).map((f) => duplicateKey(e.kind, f)))] });
    byKind.set(e.kind, list);
  }
  for (const [kind, list] of byKind) {
    for (const { e: a, keys: ak } of list) {
      for (const { e: b, keys: bk } of list) {
        if (a === b) continue;
        const hit = ak.find((x) => [...x].length >= 2 && bk.some((y) => y !== x && y.includes(x)));
        if (!hit) continue;
        const container = bk.find((y) => y !== hit && y.includes(hit))!;
        if (distinct(a, b)) continue;
        if (linked.has(`${a.id}|${b.id}`) || partOfConnected(a.id, b.id)) continue;
        if (PLACED_KINDS.has(kind) && !sameCity(a, b)) continue;
        report(
          a,
          b,
          `"${container}" (${b.id}) contains "${hit}" (${a.id}); merge them, link them (PART_OF …), or add distinctFrom with the reason they differ`,
        );
      }
    }
  }
  return problems;
}

/**
 * The cities each entity reaches through LOCATED_IN, IN_PARK and PART_OF, any status, through
 * parks only (a city's own PART_OF parents are not its places): the cities it lies in.
 */
export function placesOf(entities: EntityNode[], facts: FactEdge[]): Map<string, Set<string>> {
  const kind = new Map(entities.map((e) => [e.id, e.kind]));
  const out = new Map<string, string[]>();
  for (const f of facts) {
    if (!PLACING.has(f.p)) continue;
    const [s, o] = [kind.get(f.s), kind.get(f.o)];
    // PART_OF places only park in park; LOCATED_IN and IN_PARK always place.
    if (f.p === 'PART_OF' && !(s === 'Park' && o === 'Park')) continue;
    out.set(f.s, [...(out.get(f.s) ?? []), f.o]);
  }
  const result = new Map<string, Set<string>>();
  for (const e of entities) {
    const cities = new Set<string>();
    const seen = new Set([e.id]);
    const queue = [e.id];
    while (queue.length) {
      const x = queue.shift()!;
      for (const y of out.get(x) ?? []) {
        if (seen.has(y)) continue;
        seen.add(y);
        if (kind.get(y) === 'City') cities.add(y);
        else queue.push(y);
      }
    }
    result.set(e.id, cities);
  }
  return result;
}

export interface Unplaced {
  id: string;
  kind: EntityKind;
  name: string;
  doc: string;
}

/**
 * Parks and projects that reach no city. Strict unless the worklist names them; a worklist entry
 * that is placed, unknown or not a park or project fails too, so the list only shrinks.
 */
export function placementProblems(
  entities: EntityNode[],
  facts: FactEdge[],
  worklist: Worklist,
  where: (id: string) => string,
): { problems: string[]; unplaced: Unplaced[] } {
  const cities = placesOf(entities, facts);
  const listed = new Map(worklist.entries.map((w) => [w.id, w]));
  const problems: string[] = [];
  const unplaced: Unplaced[] = [];
  for (const e of entities) {
    if (e.kind !== 'Park' && e.kind !== 'Project') continue;
    const placed = (cities.get(e.id)?.size ?? 0) > 0;
    const entry = listed.get(e.id);
    if (!placed && entry) unplaced.push({ id: e.id, kind: e.kind, name: e.name, doc: entry.doc });
    else if (!placed)
      problems.push(
        `${where(e.id)}: ${e.kind} ${e.name} reaches no City: place it with LOCATED_IN (or IN_PARK / PART_OF a placed park), stated or inferred (see the place rule in seeds/README.md)`,
      );
    else if (entry) problems.push(`${worklist.file}: ${e.id} is placed now: remove it from the worklist`);
  }
  const known = new Map(entities.map((e) => [e.id, e]));
  for (const w of worklist.entries) {
    const e = known.get(w.id);
    if (!e) problems.push(`${worklist.file}: ${w.id} is not an entity of any seed file: remove it from the worklist`);
    else if (e.kind !== 'Park' && e.kind !== 'Project')
      problems.push(`${worklist.file}: ${w.id} is a ${e.kind}; the worklist is for parks and projects`);
  }
  return { problems, unplaced };
}

/** SETS_TARGET links an instrument to a figure it sets as a goal: the figure must be a target. */
export function targetProblems(entities: EntityNode[], facts: FactEdge[], where: (id: string) => string): string[] {
  const known = new Map(entities.map((e) => [e.id, e]));
  return facts
    .filter((f) => f.p === 'SETS_TARGET' && known.get(f.o)?.props.status !== 'target')
    .map(
      (f) =>
        `${where(f.s)}: SETS_TARGET ${f.s} → ${f.o}: the indicator's status is ${String(known.get(f.o)?.props.status)}; an instrument sets only figures with status target`,
    );
}
