/**
 * Splits a multi-statement Cypher file (as Neo4j Browser and cypher-shell accept it) into
 * statements, so engines that take one statement per call can run seed files unchanged.
 * Semicolons inside strings, backticks and comments do not split; `:param`/`:play` Browser
 * commands are dropped; each statement keeps the line it starts on for error messages.
 */

export interface CypherStatement {
  text: string;
  /** 1-based line of the statement's first character in the file. */
  line: number;
  kind: 'schema' | 'data';
}

const SCHEMA_STATEMENT =
  /^(CREATE|DROP)\s+(OR\s+REPLACE\s+)?((RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR)\s+)?(INDEX|CONSTRAINT)\b/i;

export function splitCypherScript(script: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let current = '';
  let startLine = 1;
  let line = 1;
  let quote: string | null = null;
  let hasContent = false;

  const push = () => {
    const text = current.trim();
    if (text) statements.push({ text, line: startLine, kind: SCHEMA_STATEMENT.test(text) ? 'schema' : 'data' });
    current = '';
    hasContent = false;
  };

  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    const next = script[i + 1];
    if (quote) {
      current += c;
      if (c === '\n') line++;
      if (c === '\\' && quote !== '`') {
        current += next ?? '';
        i++;
      } else if (c === quote) {
        quote = null;
      }
      continue;
    }
    if (c === '/' && next === '/') {
      const end = script.indexOf('\n', i);
      i = (end === -1 ? script.length : end) - 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      const comment = script.slice(i, end === -1 ? script.length : end + 2);
      line += comment.split('\n').length - 1;
      i += comment.length - 1;
      current += ' ';
      continue;
    }
    if (!hasContent && c === ':') {
      // A Browser command (`:param x => 1`, `:play …`) runs to the end of its line.
      const end = script.indexOf('\n', i);
      i = (end === -1 ? script.length : end) - 1;
      continue;
    }
    if (c === ';') {
      push();
      continue;
    }
    if (c === '\n') line++;
    if (!hasContent && !/\s/.test(c)) {
      hasContent = true;
      startLine = line;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    current += c;
  }
  if (quote) throw new Error(`unterminated ${quote} string starting in the statement at line ${startLine}`);
  push();
  return statements;
}
