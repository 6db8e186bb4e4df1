/**
 * Cypher lint for the test suite: parses a text with Neo4j's own Cypher front end (the ANTLR
 * grammar plus the Scala.js build of Neo4j's semantic analysis in `@neo4j-cypher/language-support`),
 * as Cypher 5, against a schema that knows exactly Neo4j's built-in functions and procedures, so a
 * syntax error, a Cypher-25/GQL-only clause, an unknown function or an unknown procedure is an error.
 *
 * Also finds the Cypher string literals of TypeScript sources with the TypeScript compiler API.
 */
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

/** The version every text must parse as: Neo4j 5 databases default to it, and so does this lint. */
export const CYPHER_VERSION = 'CYPHER 5';

/** Plugin namespaces in the package's schema export: not part of Neo4j, and absent from Grafeo. */
const PLUGIN_NAMESPACE = /^(apoc|gds)\./;

const ERROR = 1; // vscode-languageserver DiagnosticSeverity.Error
const WARNING = 2; // DiagnosticSeverity.Warning

/**
 * Neo4j's built-in functions and procedures under Cypher 5. The package ships the registry of a
 * real Neo4j server (`testData.mockSchema`: `SHOW FUNCTIONS` / `SHOW PROCEDURES` output per Cypher
 * version, APOC and GDS installed); keep the built-in functions (`isBuiltIn`) and the procedures
 * outside the plugin namespaces. Labels, relationship types and property keys stay undeclared, so
 * the lint does not warn about them.
 */
export function neo4jBuiltinSchema(): DbSchema {
  const functions = testData.mockSchema.functions?.[CYPHER_VERSION] ?? {};
  const procedures = testData.mockSchema.procedures?.[CYPHER_VERSION] ?? {};
  const builtinFunctions: Record<string, Neo4jFunction> = {};
  for (const [name, fn] of Object.entries(functions)) if (fn.isBuiltIn && !PLUGIN_NAMESPACE.test(name)) builtinFunctions[name] = fn;
  const builtinProcedures: Record<string, Neo4jProcedure> = {};
  for (const [name, proc] of Object.entries(procedures)) if (!PLUGIN_NAMESPACE.test(name)) builtinProcedures[name] = proc;
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
  /** The text is sent to the database as one query: more than one statement is an error. */
  singleStatement?: boolean;
}

const cache = new Map<string, LintResult>();

/** Lints one Cypher text (a statement, or a script when `singleStatement` is off). Results are cached by text. */
export function lintCypher(text: string, options: LintOptions = {}): LintResult {
  const key = `${options.singleStatement ? 1 : 0}\u0000${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const result: LintResult = { errors: [], warnings: [] };
  if (!text.trim()) {
    result.errors.push({ line: 0, column: 0, message: 'empty Cypher text' });
  } else {
    const { diagnostics } = lintCypherQuery(text, SCHEMA, { consoleCommandsEnabled: false });
    for (const d of dedupe(diagnostics)) {
      // Parameters arrive at run time; the lint has no values for them.
      if (!isNotParamError(d)) continue;
      const issue = { line: d.range.start.line, column: d.range.start.character, message: d.message };
      if (d.severity === WARNING) result.warnings.push(issue);
      else result.errors.push(issue); // Error, and anything unexpected, fails
    }
    const version = /^CYPHER\s+(\d+)\b/i.exec(stripLeadingComments(text));
    if (version && `CYPHER ${version[1]}` !== CYPHER_VERSION) {
      result.errors.push({ line: 0, column: 0, message: `selects CYPHER ${version[1]}: every text must run as ${CYPHER_VERSION} on Neo4j 5` });
    }
    if (options.singleStatement) {
      const statements = parseStatementsStrs(text).filter((s) => s.replace(/;/g, '').trim() !== '');
      if (statements.length > 1) {
        result.errors.push({ line: 0, column: 0, message: `${statements.length} statements in one query text; the driver runs one statement per call` });
      }
    }
  }
  cache.set(key, result);
  return result;
}

function dedupe(diagnostics: SyntaxDiagnostic[]): SyntaxDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.severity}:${d.offsets.start}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function stripLeadingComments(text: string): string {
  let rest = text.trimStart();
  for (;;) {
    if (rest.startsWith('//')) rest = rest.slice(rest.indexOf('\n') === -1 ? rest.length : rest.indexOf('\n')).trimStart();
    else if (rest.startsWith('/*')) rest = rest.slice(rest.indexOf('*/') === -1 ? rest.length : rest.indexOf('*/') + 2).trimStart();
    else return rest;
  }
}

// ---------------------------------------------------------------------------------------------
// Cypher in TypeScript sources

/** A string, template literal or `+` concatenation of a TypeScript source whose text is Cypher. */
export interface CypherLiteral {
  /** 1-based line of the literal in the source file. */
  line: number;
  /** The literal's value; interpolations and non-literal operands appear as `${…}`. */
  text: string;
  /** Built from runtime values: `${…}` in a template, or `+` with a non-literal operand. */
  interpolated: boolean;
}

const CLAUSE_KEYWORD = String.raw`(?:OPTIONAL\s+MATCH|MATCH|UNWIND|RETURN|CALL|CREATE|MERGE|WITH|DETACH\s+DELETE|FOREACH|LOAD\s+CSV|EXPLAIN|PROFILE|CYPHER\s+\d)`;
/** Upper-case clause keyword at the start, followed by more text: `RETURN 1 AS ok`, `MATCH (n)`. */
const UPPER_START = new RegExp(String.raw`^${CLAUSE_KEYWORD}(?=[\s({])\s*\S`);
/** Any-case clause keyword at the start; taken as Cypher only with a pattern or call and a later clause. */
const ANY_CASE_START = new RegExp(String.raw`^${CLAUSE_KEYWORD}(?=[\s({])`, 'i');
const LATER_CLAUSE = /\b(RETURN|YIELD|SET|DELETE|REMOVE|MERGE|CREATE|WHERE)\b/i;

/** Whether a literal's text reads as a Cypher query (starts with a clause keyword). */
export function looksLikeCypher(text: string): boolean {
  const t = text.trim();
  if (UPPER_START.test(t)) return true;
  const start = ANY_CASE_START.exec(t);
  return Boolean(start && /\(.*\)/s.test(t) && LATER_CLAUSE.test(t.slice(start[0].length)));
}

/** Every Cypher literal in a TypeScript source, found on the syntax tree (comments and regexes are never literals). */
export function findCypherLiterals(fileName: string, source: string): CypherLiteral[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: CypherLiteral[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node) || ts.isExternalModuleReference(node)) return;
    if (isConcatenation(node)) {
      const folded = fold(node);
      if (looksLikeCypher(folded.text)) found.push({ line: lineOf(node), ...folded });
      else ts.forEachChild(node, visit); // a Cypher literal may sit inside an operand, e.g. a call
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const folded = fold(node);
      if (looksLikeCypher(folded.text)) found.push({ line: lineOf(node), ...folded });
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function isConcatenation(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && (isStringy(node.left) || isStringy(node.right));
}

function isStringy(node: ts.Expression): boolean {
  const n = skipParens(node);
  return ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n) || isConcatenation(n);
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
    return { text: n.head.text + n.templateSpans.map((span) => '${…}' + span.literal.text).join(''), interpolated: true };
  }
  if (isConcatenation(n)) {
    const left = fold(n.left);
    const right = fold(n.right);
    return { text: left.text + right.text, interpolated: left.interpolated || right.interpolated };
  }
  return { text: '${…}', interpolated: true };
}
