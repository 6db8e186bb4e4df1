/**
 * The @relation fields of the SDL agree with the seed schema, the model's one home: every type
 * they follow exists, the field's owner can stand at the near end in that direction, its kinds at
 * the far end (for a curated predicate, as one of its allowed kind pairs: allows()), and no type
 * or kind of a field can never match. The SDL's enums name exactly the
 * seed schema's labels and relationship types.
 */
import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  allows,
  describeEnds,
  NODE_LABELS,
  PREDICATE_NAMES,
  PREDICATES,
  RELATIONSHIP_TYPES,
  type EntityKind,
  type Predicate,
} from '../knowledge/seed-schema.js';
import { listFields, RELATION_FIELDS, relationFields, sdlSchema, type RelationField } from './relation-model.js';
import { readTypeDefs } from './type-defs.js';

/** The kinds a field's owner reaches through `type` in the field's direction, by the seed schema. */
function farKinds(f: RelationField, type: string): string[] | undefined {
  const candidates: readonly string[] = f.kinds ?? NODE_LABELS;
  if (type in PREDICATES) {
    // A curated predicate: its end groups, pair by pair (PART_OF links a City to a City, never to a Park).
    const p = type as Predicate;
    const owner = f.owner as EntityKind;
    return candidates.filter(
      (k) =>
        ((f.direction === 'OUT' || f.direction === 'BOTH') && allows(p, owner, k as EntityKind)) ||
        ((f.direction === 'IN' || f.direction === 'BOTH') && allows(p, k as EntityKind, owner)),
    );
  }
  const rule = RELATIONSHIP_TYPES[type];
  if (!rule) return undefined;
  const near = (side: 'from' | 'to') => (rule[side] as readonly string[]).includes(f.owner);
  const ends: Array<readonly string[]> = [];
  if ((f.direction === 'OUT' || f.direction === 'BOTH') && near('from')) ends.push(rule.to);
  if ((f.direction === 'IN' || f.direction === 'BOTH') && near('to')) ends.push(rule.from);
  return ends.flat().filter((k) => candidates.includes(k));
}

/** What is wrong with each field, one line each; empty when all agree with the seed schema. */
function disagreements(fields: readonly RelationField[]): string[] {
  const problems: string[] = [];
  for (const f of fields) {
    const where = `${f.owner}.${f.field} @relation(types: [${f.types.join(', ')}], direction: ${f.direction})`;
    const far = new Set<string>();
    for (const type of f.types) {
      const reachable = farKinds(f, type);
      if (!reachable) {
        problems.push(`${where}: ${type} is not a relationship type of the seed schema`);
        continue;
      }
      if (reachable.length === 0) {
        const ends =
          type in PREDICATES
            ? describeEnds(type as Predicate)
            : `${RELATIONSHIP_TYPES[type]!.from.join('/')} → ${RELATIONSHIP_TYPES[type]!.to.join('/')}`;
        problems.push(
          `${where}: no ${type} can link a ${f.owner} ${f.direction === 'IN' ? 'from' : 'to'} ${f.kinds?.join(' or ') ?? 'anything'} (${type}: ${ends})`,
        );
      }
      for (const k of reachable) far.add(k);
    }
    for (const kind of f.kinds ?? [])
      if (!far.has(kind)) problems.push(`${where}: no type of the field reaches a ${kind}`);
  }
  return problems;
}

describe('@relation fields against the seed schema', () => {
  it('declares relationship fields for every kind that has neighbours', () => {
    expect(RELATION_FIELDS.length).toBeGreaterThan(40);
    expect(new Set(RELATION_FIELDS.map((f) => f.owner))).toEqual(new Set(NODE_LABELS));
  });

  it('every field: its types exist, its owner and kinds stand at their ends, in its direction', () => {
    expect(disagreements(RELATION_FIELDS)).toEqual([]);
  });

  it('catches a field pointed at the wrong relationship, the wrong way or at the wrong kind', () => {
    const sdl = readTypeDefs().map((text) =>
      text
        .replace(
          'enterprises(first: Int = 100): [Enterprise!]! @relation(types: [IN_PARK], direction: IN)',
          'enterprises(first: Int = 100): [Enterprise!]! @relation(types: [LOCATED_IN], direction: IN)',
        )
        .replace(
          'leadsChains(first: Int = 100): [IndustryChain!]! @relation(types: [LEADS_CHAIN], direction: OUT)',
          'leadsChains(first: Int = 100): [IndustryChain!]! @relation(types: [LEADS_CHAIN], direction: IN)',
        )
        .replace(
          'projects(first: Int = 100): [Project!]! @relation(types: [OPERATES], direction: OUT)',
          'projects(first: Int = 100): [Policy!]! @relation(types: [OPERATES], direction: OUT)',
        )
        // PART_OF links Cities and Parks, but never a Park to a City: only the kind pairs tell.
        .replace(
          'children(first: Int = 100): [City!]! @relation(types: [PART_OF], direction: IN)',
          'children(first: Int = 100): [Park!]! @relation(types: [PART_OF], direction: IN)',
        ),
    );
    const problems = disagreements(relationFields(sdlSchema(sdl)));
    // Only the four changed fields, each for its own reason.
    expect(new Set(problems.map((p) => p.split(' ')[0]))).toEqual(
      new Set(['Park.enterprises', 'Enterprise.leadsChains', 'Enterprise.projects', 'City.children']),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Park\.enterprises .*: no LOCATED_IN can link a Park from Enterprise/),
        expect.stringMatching(/^Enterprise\.leadsChains .*: no LEADS_CHAIN can link a Enterprise from IndustryChain/),
        expect.stringMatching(/^Enterprise\.projects .*: no OPERATES can link a Enterprise to Policy/),
        expect.stringMatching(/^City\.children .*: no PART_OF can link a City from Park/),
      ]),
    );
  });

  it('the SDL enums name exactly the labels and relationship types of the seed schema', () => {
    const schema = sdlSchema();
    const values = (name: string) => {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
      return type
        .getValues()
        .map((v) => v.name)
        .sort();
    };
    expect(values('EntityKind')).toEqual([...NODE_LABELS].sort());
    expect(values('RelationType')).toEqual(Object.keys(RELATIONSHIP_TYPES).sort());
    // facts(type) takes a Predicate: the curated types, each once.
    expect(values('Predicate')).toEqual([...PREDICATE_NAMES].sort());
  });

  it('finds the list fields of every kind in the SDL', () => {
    expect(listFields()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'parks', kind: 'Park' }),
        expect.objectContaining({ field: 'chains', kind: 'IndustryChain' }),
        { field: 'documents', kind: 'Document', filters: [] },
      ]),
    );
    expect(listFields().find((l) => l.kind === 'Indicator')?.filters).toEqual(
      expect.arrayContaining(['city', 'year', 'metric', 'target']),
    );
    expect(
      listFields()
        .map((l) => l.kind)
        .sort(),
    ).toEqual([...NODE_LABELS].sort());
  });
});
