import { describe, expect, it } from 'vitest';
import { splitCypherScript } from './cypher-script.js';

describe('splitCypherScript', () => {
  it('splits on semicolons outside strings, comments and backticks, keeping start lines', () => {
    const script = [
      '// header; with a semicolon',
      ':param city => "韶关";',
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
      "MERGE (n:Entity {id: 'x;y'}) SET n.q = 'it\\'s; fine', n.`odd;key` = 1;",
      '/* block;',
      'comment */ MATCH (n) RETURN n.name AS `a;b`',
    ].join('\n');
    const statements = splitCypherScript(script);
    expect(statements.map((s) => [s.kind, s.line])).toEqual([
      ['schema', 3],
      ['data', 4],
      ['data', 6],
    ]);
    expect(statements[1]!.text).toContain("'it\\'s; fine'");
    expect(statements[2]!.text).toBe('MATCH (n) RETURN n.name AS `a;b`');
  });

  it('classifies every DDL form as schema', () => {
    const kinds = splitCypherScript(
      'CREATE INDEX i IF NOT EXISTS FOR (n:A) ON (n.x); CREATE FULLTEXT INDEX f FOR (n:A) ON EACH [n.x]; CREATE RANGE INDEX r FOR (n:A) ON (n.y); DROP CONSTRAINT c; MATCH (n) RETURN n',
    ).map((s) => s.kind);
    expect(kinds).toEqual(['schema', 'schema', 'schema', 'schema', 'data']);
  });

  it('rejects an unterminated string with its line', () => {
    expect(() => splitCypherScript("RETURN 1;\nRETURN 'oops")).toThrow(/unterminated ' string .* line 2/);
  });
});
