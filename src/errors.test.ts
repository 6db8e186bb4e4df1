/** The README's error tables document exactly the codes of the ErrorCode enum, no more, no fewer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ChainAtlasError, BadUserInputError, ScriptError, StoreQueryError } from './errors.js';

/** The backticked codes in the first column of the README tables under "Limits and error codes". */
function documentedCodes(readme: string): string[] {
  const section = readme.slice(readme.indexOf('### Limits and error codes'), readme.indexOf('### Operations'));
  const codes: string[] = [];
  for (const line of section.split('\n')) {
    const first = /^\|([^|]+)\|/.exec(line)?.[1];
    if (first) for (const m of first.matchAll(/`([A-Z_]+)`/g)) codes.push(m[1]!);
  }
  return codes;
}

describe('error codes', () => {
  it('the README tables list every ErrorCode once, and nothing else', () => {
    const documented = documentedCodes(readFileSync(new URL('../README.md', import.meta.url), 'utf8'));
    expect(documented.length).toBeGreaterThan(0);
    expect(new Set(documented).size, 'a code listed twice').toBe(documented.length);
    expect([...documented].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('every error class carries its code and says whether its message is for the caller', () => {
    const input = new BadUserInputError('first must be positive', 'first');
    expect(input).toBeInstanceOf(ChainAtlasError);
    expect([input.code, input.userFacing, input.extensions]).toEqual(['BAD_USER_INPUT', true, { field: 'first' }]);
    const refused = new StoreQueryError('MATCH (n RETURN n: syntax error');
    expect([refused.code, refused.userFacing, refused.name]).toEqual([
      'INTERNAL_SERVER_ERROR',
      false,
      'StoreQueryError',
    ]);
    const script = new ScriptError('cypher/100_x.cypher', 3, "MATCH (n)\n  SET n.name = 'a'", new Error('bad\nmore'));
    expect(script.message).toBe("cypher/100_x.cypher:3: bad\n  in: MATCH (n) SET n.name = 'a'");
    expect(script.code).toBe('SCRIPT_FAILED');
  });
});
