/**
 * Cypher lint for the test suite. A text is parsed with Neo4j's own Cypher front end, as shipped in
 * `@neo4j-cypher/language-support`: its ANTLR grammar, plus the JavaScript build of Neo4j's parser
 * and semantic analysis, run as Cypher 5 against a schema that lists exactly Neo4j's built-in
 * functions and procedures. A syntax error, a clause Cypher 5 does not have (GQL / Cypher 25 `LET`,
 * `FILTER` …), an undefined variable, an unknown function or an unknown procedure is an error.
 *
 * Neo4j's semantic analysis costs ~50–150 ms a statement, so `prefetchLint` spreads a large batch
 * over worker threads; `lintCypher` then answers from the cache.
 *
 * The second half finds the Cypher string literals of TypeScript sources with the TypeScript
 * compiler API, and applies the repo's rule that Cypher is parameterised, never interpolated.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  isNotParamError,
  lintCypherQuery,
  parseStatementsStrs,
  testData,
  type DbSchema,
  type Neo4jFunction,
  type Neo4jProcedure,
  type SyntaxDiagnostic,
} from '@neo4j-cypher/language-support';
import ts from 'typescript';
import { CYPHER_MODULES } from '../../src/graphql/cypher-catalog.js';

/** The version every text must parse as: what Neo4j 5 runs, and what a Neo4j 2025 database defaults to. */
export const CYPHER_VERSION = 'CYPHER 5';

/** Plugin namespaces in the package's registry export: not part of Neo4j, and absent from Grafeo. */
const PLUGIN_NAMESPACE = /^(apoc|gds)\./;

const WARNING = 2; // vscode-languageserver DiagnosticSeverity.Warning (Error is 1)

/**
 * Neo4j's built-in functions and procedures under Cypher 5. The package ships the registry of a
 * real Neo4j server (`testData.mockSchema`: what `SHOW FUNCTIONS` / `SHOW PROCEDURES` return per
 * Cypher version, on a server with APOC and GDS installed); this keeps the built-in functions
 * (`isBuiltIn`) and the procedures outside the plugin namespaces. Labels, relationship types and
 * property keys stay undeclared, so the lint does not warn about them.
 */
export function neo4jBuiltinSchema(): DbSchema {
  const functions = testData.mockSchema.functions?.[CYPHER_VERSION] ?? {};
  const procedures = testData.mockSchema.procedures?.[CYPHER_VERSION] ?? {};
  const builtinFunctions: Record<string, Neo4jFunction> = {};
  for (const [name, fn] of Object.entries(functions))
    if (fn.isBuiltIn && !PLUGIN_NAMESPACE.test(name)) builtinFunctions[name] = fn;
  const builtinProcedures: Record<string, Neo4jProcedure> = {};
  for (const [name, proc] of Object.entries(procedures))
    if (!PLUGIN_NAMESPACE.test(name)) builtinProcedures[name] = proc;
  return {
    defaultLanguage: CYPHER_VERSION,
    functions: { [CYPHER_VERSION]: builtinFunctions },
    procedures: { [CYPHER_VERSION]: builtinProcedures },
  };
}

const SCHEMA = neo4jBuiltinSchema();

export interface LintIssue {
  /** 0-based line and column inside the linted text. */
  line: number;
  column: number;
  message: string;
}

export interface LintResult {
  errors: LintIssue[];
  warnings: LintIssue[];
}

export interface LintOptions {
  /** The text goes to the driver as one query: more than one statement is an error. */
  singleStatement?: boolean;
}

type RawDiagnostic = Pick<SyntaxDiagnostic, 'severity' | 'message' | 'range' | 'offsets'>;

/** Raw diagnostics of Neo4j's front end, by text. */
const diagnosticsCache = new Map<string, RawDiagnostic[]>();

function rawDiagnostics(text: string): RawDiagnostic[] {
  let diagnostics = diagnosticsCache.get(text);
  if (!diagnostics) {
    diagnostics = lintCypherQuery(text, SCHEMA, { consoleCommandsEnabled: false }).diagnostics;
    diagnosticsCache.set(text, diagnostics);
  }
  return diagnostics;
}

/** Lints one Cypher text: a statement, or a script when `singleStatement` is off. */
export function lintCypher(text: string, options: LintOptions = {}): LintResult {
  const result: LintResult = { errors: [], warnings: [] };
  if (!text.trim()) {
    result.errors.push({ line: 0, column: 0, message: 'empty Cypher text' });
    return result;
  }
  const seen = new Set<string>();
  for (const d of rawDiagnostics(text)) {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    // Parameters arrive at run time; the lint has no values for them.
    if (!isNotParamError({ message })) continue;
    const key = `${d.severity}:${d.offsets.start}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const issue = { line: d.range.start.line, column: d.range.start.character, message };
    if (d.severity === WARNING) result.warnings.push(issue);
    else result.errors.push(issue); // Error, and anything unexpected, fails
  }
  const version = /^CYPHER\s+(\d+)\b/i.exec(stripLeadingComments(text));
  if (version && `CYPHER ${version[1]}` !== CYPHER_VERSION) {
    result.errors.push({
      line: 0,
      column: 0,
      message: `selects CYPHER ${version[1]}: every text must run as ${CYPHER_VERSION} on Neo4j 5`,
    });
  }
  if (options.singleStatement) {
    const statements = parseStatementsStrs(text).filter((s) => s.replace(/;/g, '').trim() !== '');
    if (statements.length > 1) {
      result.errors.push({
        line: 0,
        column: 0,
        message: `${statements.length} statements in one query text; the driver runs one statement per call`,
      });
    }
  }
  return result;
}

function stripLeadingComments(text: string): string {
  let rest = text.trimStart();
  for (;;) {
    if (rest.startsWith('//')) {
      const end = rest.indexOf('\n');
      rest = (end === -1 ? '' : rest.slice(end)).trimStart();
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      rest = (end === -1 ? '' : rest.slice(end + 2)).trimStart();
    } else {
      return rest;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Worker threads

/** Runs in each worker: loads the package's ESM build and lints the texts it is sent. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.moduleUrl).then((ls) => {
  parentPort.on('message', (texts) => {
    parentPort.postMessage(texts.map((text) => {
      const { diagnostics } = ls.lintCypherQuery(text, workerData.schema, { consoleCommandsEnabled: false });
      return diagnostics.map(({ severity, message, range, offsets }) => ({ severity, message, range, offsets }));
    }));
  });
  parentPort.postMessage('ready');
});
`;

function languageSupportEsmUrl(): string {
  // The package's exports map has no ./package.json: go from the CommonJS entry to its root.
  const cjsEntry = createRequire(import.meta.url).resolve('@neo4j-cypher/language-support');
  const root = join(dirname(cjsEntry), '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: { '.': { import: string } } };
  return pathToFileURL(join(root, pkg.exports['.'].import)).href;
}

/**
 * Lints many texts ahead of `lintCypher` calls, in parallel on worker threads (one per CPU, at
 * most 8); with a single CPU, or a single text, on this thread.
 */
export async function prefetchLint(texts: Iterable<string>): Promise<void> {
  // Longest first, so the slowest texts do not end up last on one worker.
  const todo = [...new Set(texts)]
    .filter((t) => t.trim() && !diagnosticsCache.has(t))
    .sort((a, b) => b.length - a.length);
  const workers = Math.min(8, availableParallelism(), todo.length);
  if (workers <= 1) {
    for (const text of todo) rawDiagnostics(text);
    return;
  }
  const chunkSize = Math.max(1, Math.min(8, Math.floor(todo.length / (workers * 4))));
  const chunks: string[][] = [];
  for (let i = 0; i < todo.length; i += chunkSize) chunks.push(todo.slice(i, i + chunkSize));
  const workerData = { moduleUrl: languageSupportEsmUrl(), schema: SCHEMA };
  const pool = Array.from({ length: workers }, () => new Worker(WORKER_SOURCE, { eval: true, workerData }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current: string[] | undefined;
            const next = () => {
              current = chunks.shift();
              if (current) worker.postMessage(current);
              else resolve();
            };
            worker.on('message', (message: 'ready' | RawDiagnostic[][]) => {
              if (message !== 'ready') current!.forEach((text, i) => diagnosticsCache.set(text, message[i]!));
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (current) reject(new Error(`lint worker exited (code ${code}) before it answered`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

// ---------------------------------------------------------------------------------------------
// Cypher in TypeScript sources

/** A string literal, template literal or `+` concatenation of a TypeScript source whose text reads as Cypher. */
export interface CypherLiteral {
  /** 1-based line of the literal in the source file. */
  line: number;
  /** The literal's value; interpolations and non-literal operands appear as `${…}`. */
  text: string;
  /** Built from runtime values: `${…}` in a template, or `+` with a non-literal operand. */
  interpolated: boolean;
  /** The `const` the literal directly initialises, if any. */
  initialises?: { name: string; exported: boolean };
  /** Text spliced into other text (an argument of `.replace()`), not a query of its own. */
  fragment: boolean;
}

const CLAUSE_KEYWORD = String.raw`(?:OPTIONAL\s+MATCH|MATCH|UNWIND|RETURN|CALL|CREATE|MERGE|WITH|DETACH\s+DELETE|FOREACH|LOAD\s+CSV|EXPLAIN|PROFILE|CYPHER\s+\d)`;
/** Upper-case clause keyword at the start, followed by more text: `RETURN 1 AS ok`, `MATCH (n)`. */
const UPPER_START = new RegExp(String.raw`^${CLAUSE_KEYWORD}(?=[\s({])\s*\S`);
/** Clause keyword in any case at the start: Cypher only with a bracketed pattern or call and a later clause. */
const ANY_CASE_START = new RegExp(String.raw`^${CLAUSE_KEYWORD}(?=[\s({])`, 'i');
const LATER_CLAUSE = /\b(RETURN|YIELD|SET|DELETE|REMOVE|MERGE|CREATE|WHERE)\b/i;

/** Whether a literal's text reads as a Cypher query: it starts with a clause keyword. */
export function looksLikeCypher(text: string): boolean {
  const t = text.trim();
  if (UPPER_START.test(t)) return true;
  const start = ANY_CASE_START.exec(t);
  return Boolean(start && /\(.*\)/s.test(t) && LATER_CLAUSE.test(t.slice(start[0].length)));
}

/** Every Cypher literal of a TypeScript source, found on its syntax tree (comments and regexes are never literals). */
export function findCypherLiterals(fileName: string, source: string): CypherLiteral[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: CypherLiteral[] = [];

  const record = (node: ts.Expression) => {
    const folded = fold(node);
    if (!looksLikeCypher(folded.text)) return false;
    found.push({
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      ...folded,
      initialises: initialisedConst(node),
      fragment: isReplaceArgument(node),
    });
    return true;
  };

  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isImportTypeNode(node) ||
      ts.isExternalModuleReference(node)
    )
      return;
    if (isConcatenation(node)) {
      // The whole `+` chain is one text; if it is not Cypher, a Cypher literal may still sit in an operand.
      if (!record(node)) ts.forEachChild(node, visit);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      record(node);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      record(node);
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function isConcatenation(node: ts.Node): node is ts.BinaryExpression {
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    (isStringy(node.left) || isStringy(node.right))
  );
}

function isStringy(node: ts.Expression): boolean {
  const n = skipParens(node);
  return (
    ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n) || isConcatenation(n)
  );
}

function skipParens(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}

function fold(node: ts.Expression): { text: string; interpolated: boolean } {
  const n = skipParens(node);
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return { text: n.text, interpolated: false };
  if (ts.isTemplateExpression(n)) {
    return {
      text: n.head.text + n.templateSpans.map((span) => '${…}' + span.literal.text).join(''),
      interpolated: true,
    };
  }
  if (isConcatenation(n)) {
    const left = fold(n.left);
    const right = fold(n.right);
    return { text: left.text + right.text, interpolated: left.interpolated || right.interpolated };
  }
  return { text: '${…}', interpolated: true };
}

function outerExpression(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent))
    n = n.parent;
  return n;
}

function initialisedConst(node: ts.Node): CypherLiteral['initialises'] {
  const decl = outerExpression(node).parent;
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
  const statement = list.parent;
  const exported =
    ts.isVariableStatement(statement) &&
    (statement.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  return { name: decl.name.text, exported };
}

function isReplaceArgument(node: ts.Node): boolean {
  const call = outerExpression(node).parent;
  return Boolean(
    call &&
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    ['replace', 'replaceAll'].includes(call.expression.name.text),
  );
}

/** Interpolation is allowed where Cypher is generated, not run: engine DDL in the adapter, the seed writer (its derived-properties file too) and the search index's DDL (their output is linted as cypher/). */
export const INTERPOLATION_ALLOWED = [
  'src/store/grafeo-store.ts',
  'src/knowledge/cypher-writer.ts',
  'src/knowledge/derived-properties.ts',
  'src/store/search-index.ts',
];

/**
 * Modules whose exported values are linted as evaluated texts, not as source literals: every text
 * they run is exported (a string, or a table of strings), so their literals are fragments (a filter
 * block, a clause, a pattern built from the server's own type tables) linted inside those texts.
 */
export const LINTED_AS_EXPORTS = Object.keys(CYPHER_MODULES);

export interface SourceCypher {
  /** Literals to lint as queries. */
  queries: CypherLiteral[];
  /** `file:line message` for each Cypher text built from runtime values outside the allowed files. */
  violations: string[];
  /** Literals not linted here: interpolated where allowed, `.replace()` fragments, modules linted by their exports. */
  skipped: CypherLiteral[];
}

/** The Cypher of one source file (path relative to the repo root, with `/`), sorted into what to lint and what breaks the rules. */
export function classifySourceCypher(relPath: string, source: string): SourceCypher {
  const result: SourceCypher = { queries: [], violations: [], skipped: [] };
  for (const literal of findCypherLiterals(relPath, source)) {
    if (LINTED_AS_EXPORTS.includes(relPath)) result.skipped.push(literal);
    else if (literal.fragment) result.skipped.push(literal);
    else if (!literal.interpolated) result.queries.push(literal);
    else if (INTERPOLATION_ALLOWED.includes(relPath)) result.skipped.push(literal);
    else
      result.violations.push(
        `${relPath}:${literal.line} Cypher must be parameterised, not interpolated: ${preview(literal.text)}`,
      );
  }
  return result;
}

/** The first line or so of a text, for messages. */
export function preview(text: string, max = 100): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Escapes Cypher string literals accept; a text with any other keeps its own shape. */
const VALID_ESCAPE = /^\\(?:[\\'"bfnrt]|u[0-9a-fA-F]{4})/;

/**
 * The shape of a Cypher text: string literals become '', numbers 0, and lists of literals one
 * element. Texts of one shape differ only in literal values, so Neo4j's (slow) analysis of one
 * stands for all; a text whose strings hold an unusual escape is its own shape and linted in full.
 */
export function cypherShape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\') {
          if (!VALID_ESCAPE.test(text.slice(j, j + 6))) return text;
          j += text[j + 1] === 'u' ? 5 : 1;
        }
      }
      if (j >= text.length) return text; // unterminated: let the parser say so
      out += "''";
      i = j;
    } else if (/[0-9]/.test(c) && !/[\w$]/.test(text[i - 1] ?? ' ')) {
      while (/[0-9.eE]/.test(text[i + 1] ?? '')) i++;
      out += '0';
    } else {
      out += c;
    }
  }
  // [a, b, c] of literals → [a]
  return out.replace(/\[(?:''|0)(?:\s*,\s*(?:''|0))+\]/g, (m) => `[${m.slice(1, m.indexOf(',')).trim()}]`);
}
