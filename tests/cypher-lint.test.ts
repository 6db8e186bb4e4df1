/**
 * Every Cypher text of the repo parses as Cypher 5 with Neo4j's own front end, and calls only
 * Neo4j's built-in functions and procedures: the seed and query files under cypher/, the queries
 * the API runs (the modules of src/graphql/cypher-catalog.ts), and every other Cypher literal in src/. Cypher in
 * src/ is parameterised, never interpolated (except where Cypher is generated, not run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cypherTexts } from '../src/graphql/cypher-catalog.js';
import { splitCypherScript } from '../src/store/cypher-script.js';
import {
  CYPHER_VERSION,
  classifySourceCypher,
  cypherShape,
  lintCypher,
  neo4jBuiltinSchema,
  prefetchLint,
  preview,
  type LintOptions,
} from './support/cypher-lint.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Neo4j's semantic analysis takes ~0.1 s of CPU a statement; a loaded machine needs minutes for the seed files.
const LINT_TIMEOUT = 1_800_000;

/** Files under `dir` (recursively) whose names end with `suffix`, as sorted repo-relative paths with `/`. */
function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith(suffix)) out.push(relative(ROOT, path).split(sep).join('/'));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

interface Text {
  /** Where the text is: `file:line`, or a description. */
  where: string;
  /** The file and 1-based line the text starts on, to place an issue at its own line; absent when the text is computed. */
  file?: string;
  line?: number;
  text: string;
  options?: LintOptions;
}

const counts = { cypherFiles: 0, statements: 0, exports: 0, sourceLiterals: 0, warnings: 0, shapes: 0 };
/** Warnings by kind (message without the variable it names), for the summary. */
const warningKinds = new Map<string, number>();

/**
 * Lints the texts, one per shape (texts that differ only in literal values share a verdict);
 * returns one message per error. Warnings are counted, not failures.
 */
async function lintAll(texts: Text[]): Promise<string[]> {
  const byShape = new Map<string, Text>();
  for (const t of texts) {
    const key = `${t.options?.singleStatement ? 1 : 0}${cypherShape(t.text)}`;
    if (!byShape.has(key)) byShape.set(key, t);
  }
  counts.shapes += byShape.size;
  const representatives = [...byShape.values()];
  await prefetchLint(representatives.map((t) => t.text));
  const failures: string[] = [];
  for (const t of representatives) {
    const { errors, warnings } = lintCypher(t.text, t.options);
    counts.warnings += warnings.length;
    for (const w of warnings) {
      const kind = preview(w.message.replace(/\s*\(identifier is: .*\)$/s, ''), 60);
      warningKinds.set(kind, (warningKinds.get(kind) ?? 0) + 1);
    }
    for (const e of errors) {
      const at =
        t.file && t.line !== undefined
          ? `${t.file}:${t.line + e.line}:${e.line === 0 ? '' : `${e.column + 1}:`}`
          : `${t.where}, line ${e.line + 1}:`;
      failures.push(`${at} ${e.message}\n    in: ${preview(t.text)}`);
    }
  }
  return failures;
}

function failureReport(what: string, failures: string[]): string {
  return `${failures.length} Cypher ${what} failed the ${CYPHER_VERSION} lint:\n${failures.join('\n')}`;
}

describe(`Cypher lint (${CYPHER_VERSION}, Neo4j's parser and semantic analysis, built-in functions and procedures only)`, () => {
  it('knows the built-in functions and procedures the repo relies on, and nothing from plugins', () => {
    const schema = neo4jBuiltinSchema();
    const functions = Object.keys(schema.functions?.[CYPHER_VERSION] ?? {});
    const procedures = Object.keys(schema.procedures?.[CYPHER_VERSION] ?? {});
    expect(functions).toEqual(
      expect.arrayContaining([
        'coalesce',
        'collect',
        'count',
        'labels',
        'properties',
        'type',
        'startNode',
        'size',
        'toLower',
      ]),
    );
    expect(procedures).toEqual(
      expect.arrayContaining(['db.index.fulltext.queryNodes', 'db.awaitIndexes', 'db.labels']),
    );
    expect([...functions, ...procedures].filter((name) => /^(apoc|gds)\./.test(name))).toEqual([]);
  });

  it('every statement of every cypher/**/*.cypher file', { timeout: LINT_TIMEOUT }, async () => {
    const files = filesUnder('cypher', '.cypher');
    expect(files.length, 'no .cypher files found under cypher/').toBeGreaterThan(0);
    const texts: Text[] = [];
    const failures: string[] = [];
    for (const file of files) {
      try {
        for (const st of splitCypherScript(readFileSync(join(ROOT, file), 'utf8'))) {
          texts.push({ where: `${file}:${st.line}`, file, line: st.line, text: st.text });
        }
      } catch (error) {
        failures.push(`${file}: cannot split into statements: ${(error as Error).message}`);
      }
    }
    counts.cypherFiles = files.length;
    counts.statements = texts.length;
    failures.push(...(await lintAll(texts)));
    expect(failures, failureReport('statements', failures)).toEqual([]);
  });

  it(
    'every text the API runs (src/graphql/cypher-catalog.ts), tables included',
    { timeout: LINT_TIMEOUT },
    async () => {
      const texts: Text[] = cypherTexts().map(({ name, text }) => ({
        where: name,
        text,
        options: { singleStatement: true },
      }));
      expect(texts.length, 'the Cypher catalog holds no texts').toBeGreaterThan(0);
      counts.exports = texts.length;
      const failures = await lintAll(texts);
      expect(failures, failureReport('queries', failures)).toEqual([]);
    },
  );

  it('every other Cypher literal in src/**/*.ts, none of them interpolated', { timeout: LINT_TIMEOUT }, async () => {
    const texts: Text[] = [];
    const violations: string[] = [];
    // Tests beside the code hold broken Cypher on purpose (parser and error tests).
    for (const file of filesUnder('src', '.ts').filter((f) => !f.endsWith('.test.ts'))) {
      const found = classifySourceCypher(file, readFileSync(join(ROOT, file), 'utf8'));
      violations.push(...found.violations);
      for (const q of found.queries)
        texts.push({
          where: `${file}:${q.line}`,
          file,
          line: q.line,
          text: q.text,
          options: { singleStatement: true },
        });
    }
    expect(texts.length, 'no Cypher literal found in src/').toBeGreaterThan(0);
    counts.sourceLiterals = texts.length;
    const failures = [...violations, ...(await lintAll(texts))];
    expect(failures, failureReport('literals', failures)).toEqual([]);
  });

  it('linted every kind of text', () => {
    const total = counts.statements + counts.exports + counts.sourceLiterals;
    console.log(
      `cypher-lint: ${total} Cypher texts linted as ${CYPHER_VERSION} (${counts.statements} statements from ${counts.cypherFiles} cypher/ files, ` +
        `${counts.exports} API texts, ${counts.sourceLiterals} other src/ literals) in ${counts.shapes} distinct shapes; ${counts.warnings} warnings, not failures` +
        (warningKinds.size ? ` (${[...warningKinds].map(([kind, n]) => `${n}× "${kind}"`).join('; ')})` : ''),
    );
    expect(counts.statements).toBeGreaterThan(0);
    expect(counts.exports).toBeGreaterThan(0);
    expect(counts.sourceLiterals).toBeGreaterThan(0);
  });

  it('groups texts by shape only when they differ in literal values alone', () => {
    expect(cypherShape("MERGE (n:Entity {id: 'a'}) SET n.x = [1, 2, 3], n.q = 'it\\'s'")).toBe(
      cypherShape("MERGE (n:Entity {id: 'bb'}) SET n.x = [4], n.q = 'y'"),
    );
    expect(cypherShape("MERGE (n:Entity {id: 'a'}) SET n:City")).not.toBe(
      cypherShape("MERGE (n:Entity {id: 'a'}) SET n:Park"),
    );
    expect(cypherShape("RETURN 'bad \\q escape'")).toBe("RETURN 'bad \\q escape'");
    expect(cypherShape("RETURN 'unterminated")).toBe("RETURN 'unterminated");
  });

  it('reports syntax errors, unknown functions and procedures, and what Cypher 5 lacks', () => {
    const errorsOf = (text: string, options?: LintOptions) =>
      lintCypher(text, options)
        .errors.map((e) => e.message)
        .join('\n');

    // The control: a valid, parameterised query is clean.
    expect(
      lintCypher('MATCH (n:Entity) WHERE n.id IN $ids RETURN properties(n) AS node', { singleStatement: true }).errors,
    ).toEqual([]);

    expect(errorsOf('MATCH (n:Entity RETURN n')).not.toBe(''); // syntax error
    expect(errorsOf('MATCH (n:Entity) RETURN m')).toMatch(/Variable `m` not defined/); // semantic error
    expect(errorsOf('RETURN grafeoOnly(1)')).toMatch(/Function grafeoOnly is not present/);
    expect(errorsOf('MATCH (n) RETURN apoc.coll.sum([n.value])')).toMatch(/Function apoc\.coll\.sum is not present/);
    expect(errorsOf("CALL grafeo.textSearch('Entity', 'searchText', $text) YIELD id RETURN id")).toMatch(
      /Procedure grafeo\.textSearch is not present/,
    );
    // GQL / Cypher 25 clauses that Grafeo accepts and Neo4j 5 rejects.
    expect(errorsOf('MATCH (n:Entity) FILTER n.kind = $kind RETURN n')).toMatch(/Invalid input 'FILTER'/);
    expect(errorsOf('LET x = 1 RETURN x')).toMatch(/Invalid input 'LET'/);
    expect(errorsOf('CYPHER 25 MATCH (n) RETURN n')).toMatch(/selects CYPHER 25/);
    expect(errorsOf('RETURN 1 AS a; RETURN 2 AS b', { singleStatement: true })).toMatch(
      /2 statements in one query text/,
    );
  });

  it('finds Cypher literals in TypeScript and rejects interpolated ones outside the generators', () => {
    const source = [
      "const ok = 'RETURN 1 AS ok';",
      "export const byId = (id: string) => `MATCH (n:Entity {id: '${id}'}) RETURN n`;",
      "const glued = (id: string) => 'MATCH (n:Entity) WHERE n.id = ' + id + ' RETURN n';",
      "const prose = 'Create the index first';",
      '// MATCH (n) RETURN n in a comment is not a literal',
      "const ddl = (s: string) => s.replace(/^CREATE\\s+TEXT\\s+INDEX/i, 'CREATE INDEX');",
    ].join('\n');

    const strict = classifySourceCypher('src/example.ts', source);
    expect(strict.queries.map((q) => q.text)).toEqual(['RETURN 1 AS ok']);
    expect(strict.violations).toEqual([
      expect.stringMatching(/^src\/example\.ts:2 Cypher must be parameterised, not interpolated/),
      expect.stringMatching(/^src\/example\.ts:3 Cypher must be parameterised, not interpolated/),
    ]);
    expect(strict.skipped.map((q) => q.text)).toEqual(['CREATE INDEX']);

    const generator = classifySourceCypher('src/store/grafeo-store.ts', source);
    expect(generator.violations).toEqual([]);
    expect(generator.queries.map((q) => q.text)).toEqual(['RETURN 1 AS ok']);
  });
});
