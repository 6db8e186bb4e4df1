/**
 * The SDL's vocabulary enums against the seed schema, the one home of the vocabularies: every
 * enum names exactly the seed schema's values, each with its Chinese label; every property of a
 * kind that has a closed vocabulary is typed with its enum; and the words an input accepts map
 * to the stored values (synonyms included), anything else being refused with the valid values.
 */
import { getNamedType, isEnumType, isObjectType, Kind, type GraphQLEnumType } from 'graphql';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, KIND_PROPERTIES } from '../knowledge/seed-schema.js';
import { buildSchema } from './executable-schema.js';
import { sdlSchema } from './relation-model.js';
import { enumName, VOCABULARIES, type Vocabulary } from './vocabularies.js';

const sdl = sdlSchema();
const enumOf = (name: string) => {
  const type = sdl.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the SDL`);
  return type;
};

/** The closed vocabulary of a kind's property in the seed schema, if it has one. */
function propertyVocabulary(kind: (typeof ENTITY_KINDS)[number], property: string): readonly string[] | undefined {
  const schema: z.ZodTypeAny = KIND_PROPERTIES[kind];
  const object = schema instanceof z.ZodEffects ? (schema.innerType() as z.ZodTypeAny) : schema;
  let field = (object as z.ZodObject<z.ZodRawShape>).shape[property];
  while (field instanceof z.ZodOptional) field = field.unwrap() as z.ZodTypeAny;
  return field instanceof z.ZodEnum ? (field.options as string[]) : undefined;
}

describe('vocabulary enums', () => {
  it.each(Object.entries(VOCABULARIES))(
    '%s names exactly the seed schema’s values, each with its Chinese label',
    (name, vocabulary: Vocabulary) => {
      const values = enumOf(name).getValues();
      expect(values.map((v) => v.name)).toEqual(vocabulary.values.map((v) => enumName(vocabulary, v)));
      for (const v of values) expect(v.description, `${name}.${v.name}`).toMatch(/^\p{Script=Han}[^:]*: \S/u);
      for (const [word, stored] of Object.entries(vocabulary.synonyms ?? {}))
        expect(vocabulary.values, `${name} synonym ${word}`).toContain(stored);
    },
  );

  it('types every property with a closed vocabulary as its enum, on every kind', () => {
    const untyped: string[] = [];
    let checked = 0;
    for (const kind of ENTITY_KINDS) {
      const type = sdl.getType(kind);
      if (!isObjectType(type)) throw new Error(`no type ${kind}`);
      for (const [field, def] of Object.entries(type.getFields())) {
        const values = propertyVocabulary(kind, field);
        if (!values) continue;
        checked++;
        const named = getNamedType(def.type);
        const vocabulary = VOCABULARIES[named.name as keyof typeof VOCABULARIES] as Vocabulary | undefined;
        if (!isEnumType(named) || !vocabulary || vocabulary.values.join() !== values.join())
          untyped.push(`${kind}.${field}: ${named.name}, but the seed schema allows ${values.join(', ')}`);
      }
    }
    expect(untyped).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });

  it('Basis, FactStatus and DesignationStatus type the basis and statuses of facts', () => {
    const field = (type: string, name: string) => {
      const t = sdl.getType(type);
      return isObjectType(t) ? getNamedType(t.getFields()[name]!.type).name : undefined;
    };
    expect(field('Relation', 'basis')).toBe('Basis');
    expect(field('Fact', 'basis')).toBe('Basis');
    expect(field('PathStep', 'basis')).toBe('Basis');
    expect(field('Qualifiers', 'status')).toBe('FactStatus');
    expect(field('Qualifiers', 'designationStatus')).toBe('DesignationStatus');
  });
});

describe('words an input accepts', () => {
  const schema = buildSchema();
  const type = (name: string) => schema.getType(name) as GraphQLEnumType;
  const literal = (name: string, value: string, kind: Kind.STRING | Kind.ENUM = Kind.STRING) =>
    type(name).parseLiteral({ kind, value }, undefined);

  it('takes the enum name, the stored value, the Chinese label and the synonyms, in any script', () => {
    expect(literal('ProjectStatus', 'IN_OPERATION', Kind.ENUM)).toBe('投产');
    expect(literal('ProjectStatus', '投产')).toBe('投产');
    expect(literal('ProjectStatus', '竣工投产')).toBe('投产');
    expect(literal('ProjectStatus', '竣工投產')).toBe('投产');
    expect(type('ProjectStatus').parseValue('completed')).toBe('竣工');
    expect(type('ProjectStatus').parseValue('under construction')).toBe('在建');
    expect(type('FactStatus').parseValue('under-way')).toBe('under-way');
    expect(type('FactStatus').parseValue('推进中')).toBe('under-way');
    expect(type('DesignationStatus').parseValue('获评')).toBe('awarded');
    expect(type('Basis').parseValue('推断')).toBe('inferred');
    expect(type('CityLevel').parseValue('地级市')).toBe('prefecture');
  });

  it('refuses anything else with the valid values and their labels', () => {
    expect(() => literal('ProjectStatus', '竣工了')).toThrow(
      /^"竣工了" is not a ProjectStatus: use one of PLANNED \(规划\), SIGNED \(签约\), STARTED \(开工\), UNDER_CONSTRUCTION \(在建\), IN_OPERATION \(投产\), COMPLETED \(竣工\), AT_FULL_CAPACITY \(达产\)/,
    );
    expect(() => type('FactStatus').parseValue('done')).toThrow(
      /"done" is not a FactStatus: use one of EXISTING \(已有\)/,
    );
    expect(() => type('Basis').parseValue(3)).toThrow(/3 is not a Basis/);
  });

  it('answers the stored value as the enum', () => {
    expect(type('ProjectStatus').serialize('在建')).toBe('UNDER_CONSTRUCTION');
    expect(type('Basis').serialize('world-knowledge')).toBe('WORLD_KNOWLEDGE');
  });
});
