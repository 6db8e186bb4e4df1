/**
 * The query library in cypher/queries/: one `NN_topic.cypher` file per question, each made of a
 * bilingual header comment, `:param` lines with the defaults, and one parameterised query that
 * runs as-is in Neo4j Browser (Neo4j 5) and on the embedded engine.
 *
 *   // 标题: …            // Title: …
 *   // 问题: …            // Question: …
 *   // 参数: …            // Parameters: …
 *   // 返回: …            // Returns: …
 *   // 说明: … (optional) // Notes: … (optional)
 *
 *   :param city => '肇庆';
 *
 *   MATCH … RETURN …;
 *
 * A header line starting `//` plus two or more spaces continues the field above it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { QueryFileError } from '../errors.js';
import { splitCypherScript } from '../store/cypher-script.js';
import { parseCypherLiteral, type CypherLiteralValue } from './cypher-literal.js';

export const QUERY_FILE = /^(\d{2})_([a-z0-9_]+)\.cypher$/;

export interface Bilingual {
  zh: string;
  en: string;
}

export interface QueryParam {
  name: string;
  /** The Cypher literal as written after `=>`. */
  literal: string;
  /** The literal's value. */
  value: CypherLiteralValue;
  /** The `:param` line as written (with its `;`). */
  line: string;
}

export interface LibraryQuery {
  file: string;
  number: string;
  topic: string;
  title: Bilingual;
  question: Bilingual;
  parameters: Bilingual;
  returns: Bilingual;
  notes?: Bilingual;
  params: QueryParam[];
  /** The `:param` lines, one per line, exactly as in the file: a Browser command block. */
  paramBlock: string;
  /** The query exactly as in the file (trimmed, with its closing `;`): what Browser runs. */
  query: string;
  /** The query as one statement without Browser commands or the `;`: what a driver runs. */
  statement: string;
  /** `$name` parameters the query reads, sorted. */
  usedParams: string[];
}

const FIELDS: Record<
  string,
  [keyof Pick<LibraryQuery, 'title' | 'question' | 'parameters' | 'returns' | 'notes'>, keyof Bilingual]
> = {
  标题: ['title', 'zh'],
  Title: ['title', 'en'],
  问题: ['question', 'zh'],
  Question: ['question', 'en'],
  参数: ['parameters', 'zh'],
  Parameters: ['parameters', 'en'],
  返回: ['returns', 'zh'],
  Returns: ['returns', 'en'],
  说明: ['notes', 'zh'],
  Notes: ['notes', 'en'],
};
const REQUIRED = ['标题', 'Title', '问题', 'Question', '参数', 'Parameters', '返回', 'Returns'];
const PARAM_LINE = /^:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+?)\s*;?\s*$/;

/** Parses one library file; throws QueryFileError naming the file and what is wrong. */
export function parseQueryFile(file: string, text: string): LibraryQuery {
  const fail = (what: string): never => {
    throw new QueryFileError(`${file}: ${what}`);
  };
  const name = QUERY_FILE.exec(file);
  if (!name) fail('name must be NN_topic.cypher (two digits, lower-case topic)');
  const lines = text.replace(/\r\n/g, '\n').split('\n');

  const header: Record<string, string> = {};
  let last: string | undefined;
  let at = 0;
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    if (!line.startsWith('//')) break;
    const field = /^\/\/ ?([^\s:：]+)[:：]\s*(.*)$/.exec(line);
    if (field && FIELDS[field[1]!]) {
      if (header[field[1]!] !== undefined) fail(`header field ${field[1]} appears twice`);
      last = field[1]!;
      header[last] = field[2]!.trim();
    } else if (/^\/\/\s{2,}\S/.test(line) && last) {
      header[last] += ` ${line.slice(2).trim()}`;
    } else if (line.trim() !== '//') {
      fail(
        `header line ${at + 1} is neither a field (${Object.keys(FIELDS).join(', ')}) nor its continuation: ${line}`,
      );
    }
  }
  for (const key of REQUIRED) if (!header[key]) fail(`header lacks ${key}:`);
  if ((header['说明'] === undefined) !== (header['Notes'] === undefined))
    fail('header has 说明: without Notes: or the reverse');

  const params: QueryParam[] = [];
  for (; at < lines.length; at++) {
    const line = lines[at]!.trim();
    if (line === '') continue;
    if (!line.startsWith(':')) break;
    const m = PARAM_LINE.exec(line);
    if (!m) fail(`line ${at + 1} is a Browser command other than :param name => literal; ${line}`);
    let value: CypherLiteralValue;
    try {
      value = parseCypherLiteral(m![2]!);
    } catch (error) {
      return fail(`line ${at + 1}: ${(error as Error).message}`);
    }
    if (params.some((p) => p.name === m![1])) fail(`parameter ${m![1]} is set twice`);
    params.push({ name: m![1]!, literal: m![2]!, value, line });
  }
  const query = lines.slice(at).join('\n').trim();
  if (!query) fail('no query after the header and :param lines');
  if (/^\s*:/m.test(query)) fail('a Browser command follows the query; :param lines go before it');
  if (!query.endsWith(';')) fail('the query must end with ;');
  const statements = splitCypherScript(query);
  if (statements.length !== 1) fail(`${statements.length} statements; a library file holds one query`);
  const statement = statements[0]!.text;
  const usedParams = [...new Set([...statement.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].sort();

  const both = (zh: string, en: string): Bilingual => ({ zh: header[zh]!, en: header[en]! });
  return {
    file,
    number: name![1]!,
    topic: name![2]!,
    title: both('标题', 'Title'),
    question: both('问题', 'Question'),
    parameters: both('参数', 'Parameters'),
    returns: both('返回', 'Returns'),
    ...(header['说明'] !== undefined ? { notes: both('说明', 'Notes') } : {}),
    params,
    paramBlock: params.map((p) => p.line).join('\n'),
    query,
    statement,
    usedParams,
  };
}

/** Every library file of a directory, by number; throws QueryFileError on a malformed file. */
export async function readQueryLibrary(queriesDir: string): Promise<LibraryQuery[]> {
  const names = (await readdir(queriesDir)).filter((n) => n.endsWith('.cypher')).sort();
  const queries = await Promise.all(
    names.map(async (n) => parseQueryFile(n, await readFile(path.join(queriesDir, n), 'utf8'))),
  );
  const numbers = new Map<string, string>();
  for (const q of queries) {
    const other = numbers.get(q.number);
    if (other) throw new QueryFileError(`${q.file}: number ${q.number} is also used by ${other}`);
    numbers.set(q.number, q.file);
  }
  return queries;
}

/** A query's default parameters, as the driver or the embedded engine takes them. */
export function defaultParams(query: LibraryQuery): Record<string, CypherLiteralValue> {
  return Object.fromEntries(query.params.map((p) => [p.name, p.value]));
}
