/**
 * Deployment files, checked without a Docker engine: the Dockerfile (through a small parser of
 * its instructions and stages), .dockerignore, docker-compose.yml (parsed with `yaml`, merge keys
 * on, `${VAR:-default}` interpolated as compose does) and tsconfig.build.json, against what the
 * code actually reads: the variables of src/config.ts, the compiled entry points, the SDL path of
 * src/graphql/executable-schema.ts, the seed directory, the native addon in package-lock.json.
 * The healthcheck commands run for real, against a local HTTP stub and a fake cypher-shell.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../src/config.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

// ---------------------------------------------------------------------------------------------
// Dockerfile parser: parser directives, comments, line continuations, flags, JSON (exec) form.

interface Instruction {
  keyword: string;
  /** Leading --name=value options (COPY --from, RUN --mount, HEALTHCHECK --interval...). */
  flags: Record<string, string>;
  /** The text after keyword and flags. */
  rest: string;
  /** Set when `rest` is a JSON array (exec form). */
  json?: string[];
  line: number;
}

interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

interface Dockerfile {
  directives: Record<string, string>;
  stages: Stage[];
}

function splitFlags(text: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = text.trim();
  for (let m = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest); m; m = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest)) {
    flags[m[1]!] = m[2] ?? 'true';
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

function jsonForm(text: string): string[] | undefined {
  if (!text.trim().startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  const directives: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(lines[i]!);
    if (!m) break;
    directives[m[1]!.toLowerCase()] = m[2]!;
  }
  const logical: Array<{ text: string; line: number }> = [];
  let current: { text: string; line: number } | undefined;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (/^\s*#/.test(raw)) continue; // comments, also inside a continuation
    if (!current && raw.trim() === '') continue;
    const continued = /\\\s*$/.test(raw);
    const piece = continued ? raw.replace(/\\\s*$/, '') : raw;
    if (current) current.text += ' ' + piece.trim();
    else current = { text: piece.trim(), line: i + 1 };
    if (!continued) {
      logical.push(current);
      current = undefined;
    }
  }
  if (current) logical.push(current);

  const stages: Stage[] = [];
  for (const { text: lineText, line } of logical) {
    const m = /^(\S+)\s*([\s\S]*)$/.exec(lineText)!;
    const keyword = m[1]!.toUpperCase();
    const { flags, rest } =
      keyword === 'HEALTHCHECK' || ['FROM', 'COPY', 'ADD', 'RUN'].includes(keyword)
        ? splitFlags(m[2]!)
        : { flags: {}, rest: m[2]!.trim() };
    const instruction: Instruction = { keyword, flags, rest, json: jsonForm(rest), line };
    if (keyword === 'FROM') {
      const [image, as, name] = rest.split(/\s+/);
      if (!image) throw new Error(`line ${line}: FROM without an image`);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [instruction] });
    } else if (keyword !== 'ARG' || stages.length > 0) {
      if (stages.length === 0) throw new Error(`line ${line}: ${keyword} before the first FROM`);
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return { directives, stages };
}

/** Words of a shell-form argument list, honouring single and double quotes. */
function words(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** ENV K=V K2="V 2" or the legacy ENV K V. */
function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ins of stage.instructions.filter((x) => x.keyword === 'ENV')) {
    const parts = words(ins.rest);
    if (parts[0] && !parts[0].includes('=')) env[parts[0]] = parts.slice(1).join(' ');
    else for (const p of parts) env[p.slice(0, p.indexOf('='))] = p.slice(p.indexOf('=') + 1);
  }
  return env;
}

function instructions(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((x) => x.keyword === keyword);
}

/** WORKDIR in effect before each instruction index of a stage (images start at /). */
function workdirAt(stage: Stage, index: number): string {
  let dir = '/';
  stage.instructions.slice(0, index).forEach((x) => {
    if (x.keyword === 'WORKDIR') dir = path.posix.resolve(dir, x.rest.trim());
  });
  return dir;
}

interface CopyOp {
  from?: string;
  sources: string[];
  /** Absolute destination in the image. */
  dest: string;
  index: number;
}

function copies(stage: Stage): CopyOp[] {
  return stage.instructions.flatMap((x, index) => {
    if (x.keyword !== 'COPY' && x.keyword !== 'ADD') return [];
    const args = x.json ?? words(x.rest);
    const dest = args.at(-1)!;
    return [
      {
        from: x.flags.from,
        sources: args.slice(0, -1),
        dest: path.posix.resolve(workdirAt(stage, index), dest),
        index,
      },
    ];
  });
}

/** Where a COPY puts `source`: into `dest` when dest is a directory (ends in / or several sources), else at dest. */
function copiedTo(op: CopyOp, source: string, destIsDir: boolean): string {
  return destIsDir ? path.posix.join(op.dest, path.posix.basename(source)) : op.dest;
}

const dockerfileText = read('Dockerfile');
const dockerfile = parseDockerfile(dockerfileText);
const stages = dockerfile.stages;
const finalStage = stages.at(-1)!;
const buildStage = stages.find((s) => s.name === 'build');

const tsBuild = JSON.parse(read('tsconfig.build.json')) as {
  extends?: string;
  compilerOptions: { rootDir: string; outDir: string };
  include: string[];
  exclude?: string[];
};
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

/** The compiled file of a source under tsconfig.build.json (src/main.ts -> dist/main.js). */
function compiledPath(source: string): string {
  const rel = path.posix.relative(tsBuild.compilerOptions.rootDir, source);
  return path.posix.join(tsBuild.compilerOptions.outDir, rel.replace(/\.ts$/, '.js'));
}

/** The source of a compiled file, when it is one (dist/cli/seed.js -> src/cli/seed.ts). */
function sourceOf(compiled: string): string | undefined {
  const rel = path.posix.relative(tsBuild.compilerOptions.outDir, path.posix.normalize(compiled));
  if (rel.startsWith('..') || !rel.endsWith('.js')) return undefined;
  return path.posix.join(tsBuild.compilerOptions.rootDir, rel.replace(/\.js$/, '.ts'));
}

/** The node entry script of an exec-form command: the first argument after node's own options. */
function nodeScript(argv: string[]): string | undefined {
  if (argv[0] !== 'node') return undefined;
  return argv.slice(1).find((a) => !a.startsWith('-'));
}

// ---------------------------------------------------------------------------------------------
// .dockerignore, with Docker's semantics: patterns from the context root, * and ? within one
// path segment, ** across segments, a match on a directory excludes its contents, `!` re-includes,
// the last matching pattern wins.

const ignorePatterns = read('.dockerignore')
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

function globToRegExp(glob: string): RegExp {
  let re = '';
  const g = path.posix.normalize(glob.replace(/^\/+/, ''));
  for (let k = 0; k < g.length; k++) {
    const c = g[k]!;
    if (c === '*' && g[k + 1] === '*') {
      re += '.*';
      k++;
      if (g[k + 1] === '/') k++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function dockerIgnored(file: string): boolean {
  const segments = path.posix.normalize(file).split('/');
  const prefixes = segments.map((_, k) => segments.slice(0, k + 1).join('/'));
  let ignored = false;
  for (const pattern of ignorePatterns) {
    const negate = pattern.startsWith('!');
    const re = globToRegExp(negate ? pattern.slice(1) : pattern);
    if (prefixes.some((p) => re.test(p))) ignored = !negate;
  }
  return ignored;
}

// ---------------------------------------------------------------------------------------------
// docker-compose.yml, interpolated as compose does it.

type Env = Record<string, string | undefined>;

/**
 * Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message},
 * ${VAR:+alt}, ${VAR+alt}, $VAR, and $$ for a literal $. Anything else in ${...} (a shell form such
 * as ${VAR#prefix}) is an error in compose too: write $${...} to hand it to the container's shell.
 */
function interpolate(text: string, env: Env): string {
  return text.replace(/\$\$|\$\{([^}]*)\}|\$([A-Za-z_]\w*)/g, (whole, braced?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const m = /^([A-Za-z_]\w*)(?:(:?[-?+])([\s\S]*))?$/.exec(braced ?? bare!);
    if (!m)
      throw new Error(`invalid interpolation format for ${whole}: write $${whole.slice(1)} for the container's shell`);
    const [, key, op, arg = ''] = m;
    const value = env[key!];
    const unset = op?.startsWith(':') ? !value : value === undefined;
    if (op?.endsWith('-')) return unset ? arg : value!;
    if (op?.endsWith('?') && unset) throw new Error(`${key}: ${arg}`);
    if (op?.endsWith('+')) return unset ? '' : arg;
    return value ?? '';
  });
}

function interpolateAll(value: unknown, env: Env): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((v) => interpolateAll(v, env));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, env)]));
  return value;
}

interface Healthcheck {
  test: string[] | string;
}
interface Service {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  platform?: string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: Array<string | { target: number; published?: string | number }>;
  volumes?: Array<string | { type: string; source: string; target: string }>;
  healthcheck?: Healthcheck;
  restart?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = read('docker-compose.yml');
/** The compose file as `docker compose config` would see it under `env` (merge keys resolved). */
function compose(env: Env = {}): Compose {
  return interpolateAll(parseYaml(composeText, { merge: true }), env) as Compose;
}

function environment(service: Service): Record<string, string> {
  const e = service.environment ?? {};
  const pairs = Array.isArray(e)
    ? e.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])
    : Object.entries(e);
  return Object.fromEntries(pairs.map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

function argv(command: string[] | string | undefined): string[] {
  return command === undefined ? [] : Array.isArray(command) ? command : words(command);
}

function dependsOn(service: Service): Record<string, string> {
  const d = service.depends_on ?? {};
  return Array.isArray(d)
    ? Object.fromEntries(d.map((n) => [n, 'service_started']))
    : Object.fromEntries(Object.entries(d).map(([n, v]) => [n, v.condition]));
}

/** Published ports as { container, host } pairs. */
function ports(service: Service): Array<{ container: number; host?: number }> {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object')
      return { container: p.target, host: p.published === undefined ? undefined : Number(p.published) };
    const parts = String(p).split('/')[0]!.split(':');
    return { container: Number(parts.at(-1)), host: parts.length > 1 ? Number(parts.at(-2)) : undefined };
  });
}

// ---------------------------------------------------------------------------------------------
// What the code reads.

/** The variable names of the zod schema in src/config.ts (the keys of its z.object). */
function configVariables(): string[] {
  const source = read('src/config.ts');
  const start = /z\s*\.object\(\{/.exec(source);
  if (!start) throw new Error('cannot find the z.object({...}) of src/config.ts');
  // The object literal up to its matching brace; keys are the names at its first nesting level.
  let depth = 0;
  const keys: string[] = [];
  for (let k = start.index + start[0].length - 1; k < source.length; k++) {
    const ch = source[k];
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') {
      if (--depth === 0) break;
    } else if (depth === 1) {
      const key = /^\n\s*([A-Z][A-Z0-9_]*)\s*:/.exec(source.slice(k, k + 80));
      if (key && ch === '\n') keys.push(key[1]!);
    }
  }
  return keys;
}
const CONFIG_VARIABLES = configVariables();

/** The SDL directory literal of src/graphql/executable-schema.ts: new URL('<here>', import.meta.url). */
const SCHEMA_URL = /new URL\('([^']+)',\s*import\.meta\.url\)/.exec(read('src/graphql/executable-schema.ts'))?.[1];

// ---------------------------------------------------------------------------------------------
// Running the healthchecks.

function run(file: string, args: string[], env: Env): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env: env as NodeJS.ProcessEnv, timeout: 15_000 }, () =>
      resolve(child.exitCode ?? -1),
    );
  });
}

/** An HTTP stub answering `status` on `path`, 404 elsewhere; resolves its port. */
async function stub(onPath: string, status: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    res.statusCode = req.url === onPath ? status : 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Runs an exec-form `node -e ...` healthcheck with PORT pointing at stubs; returns the exit codes. */
async function healthcheckExits(
  command: string[],
): Promise<{ healthy: number; unhealthy: number; wrongPath: number; down: number }> {
  expect(command[0]).toBe('node');
  const exit = async (status: number, onPath = '/health') => {
    const { server, port } = await stub(onPath, status);
    try {
      return await run(process.execPath, command.slice(1), { ...process.env, PORT: String(port) });
    } finally {
      server.close();
    }
  };
  const { server, port } = await stub('/health', 200);
  server.close();
  return {
    healthy: await exit(200),
    unhealthy: await exit(503),
    wrongPath: await exit(200, '/elsewhere'),
    down: await run(process.execPath, command.slice(1), { ...process.env, PORT: String(port) }),
  };
}

// =============================================================================================

describe('Dockerfile', () => {
  it('parses into a build stage and a runtime stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(buildStage, 'a stage named "build"').toBeDefined();
    expect(finalStage).not.toBe(buildStage);
    expect(
      finalStage.instructions.filter((x) => x.keyword === 'COPY' && x.flags.from === 'build').length,
    ).toBeGreaterThan(0);
  });

  it('builds on node 20 over Debian bookworm or newer (glibc >= 2.34 for the @grafeo-db/js addon), never alpine', () => {
    for (const stage of stages) {
      expect(stage.image).toMatch(/^node:20(\.\d+){0,2}-(bookworm|trixie)(-slim)?(@sha256:[0-9a-f]{64})?$/);
      expect(stage.image).not.toMatch(/alpine|musl|bullseye|buster/);
    }
  });

  it('build stage installs everything and compiles with tsconfig.build.json via `npm run build`', () => {
    const runs = instructions(buildStage!, 'RUN').map((x) => x.rest);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && !/--omit[= ]dev|--production/.test(r))).toBe(true);
    const buildAt = buildStage!.instructions.findIndex((x) => x.keyword === 'RUN' && /\bnpm run build\b/.test(x.rest));
    expect(buildAt).toBeGreaterThan(0);
    expect(pkg.scripts.build, 'package.json needs a "build" script').toMatch(/\btsc\b.*-p\s+tsconfig\.build\.json/);
    // Everything the compiler reads is in the stage before it runs.
    const copiedBefore = copies(buildStage!)
      .filter((c) => c.index < buildAt && !c.from)
      .flatMap((c) => c.sources.map((s) => path.posix.normalize(s)));
    for (const needed of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      ...tsBuild.include,
    ]) {
      expect(copiedBefore, `${needed} copied before npm run build`).toContain(needed);
    }
  });

  it('runtime stage installs production dependencies only, keeping optional ones (the native addon)', () => {
    const all = stages.flatMap((s) => instructions(s, 'RUN').map((x) => x.rest));
    for (const r of all) expect(r).not.toMatch(/--omit[= ]optional|--no-optional|--ignore-optional/);
    const runs = instructions(finalStage, 'RUN').map((x) => x.rest);
    expect(runs.some((r) => /\bnpm ci\b[^&;]*--omit[= ]dev/.test(r))).toBe(true);
    expect(
      runs.some((r) => /import\('@grafeo-db\/js'\)/.test(r)),
      'the addon is loaded once at build time',
    ).toBe(true);
  });

  it('runs as a non-root user', () => {
    const users = instructions(finalStage, 'USER').map((x) => x.rest.trim());
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:.*)?$/);
    const lastIndex = (keyword: string) => finalStage.instructions.map((x) => x.keyword).lastIndexOf(keyword);
    const userAt = lastIndex('USER');
    const cmdAt = lastIndex('CMD');
    expect(userAt).toBeLessThan(cmdAt);
  });

  it('sets NODE_ENV, HOST and PORT as src/config.ts reads them, and exposes PORT', () => {
    const env = envOf(finalStage);
    for (const key of Object.keys(env)) expect(CONFIG_VARIABLES, `ENV ${key}`).toContain(key);
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '4000' });
    const config = loadConfig(env);
    expect(config).toMatchObject({ host: '0.0.0.0', port: 4000, production: true });
    const exposed = instructions(finalStage, 'EXPOSE')
      .flatMap((x) => words(x.rest))
      .map((p) => Number(p.split('/')[0]));
    expect(exposed).toContain(4000);
    expect(exposed).toContain(config.port);
  });

  it('CMD is exec form `node dist/main.js` (node receives SIGTERM itself), the compiled src/main.ts', () => {
    const cmd = instructions(finalStage, 'CMD').at(-1);
    expect(cmd?.json, 'CMD in JSON (exec) form').toBeDefined();
    expect(instructions(finalStage, 'ENTRYPOINT')).toHaveLength(0);
    expect(cmd!.json![0]).toBe('node');
    const script = nodeScript(cmd!.json!);
    expect(script).toBe(compiledPath('src/main.ts'));
    expect(existsSync(path.join(ROOT, sourceOf(script!)!))).toBe(true);
    // The code that handles SIGTERM when node is PID 1: main.ts runs the server of src/server.ts.
    expect(read('src/main.ts')).toMatch(/import \{ runServer \} from '\.\/server\.js'/);
    expect(read('src/server.ts')).toMatch(/process\.on\('SIGTERM'/);
  });

  it('COPYs only what exists in the repository (and is not .dockerignored) or what the build stage produced', () => {
    for (const stage of stages) {
      for (const op of copies(stage)) {
        for (const source of op.sources) {
          if (!op.from) {
            expect(existsSync(path.join(ROOT, source)), `${source} exists`).toBe(true);
            expect(dockerIgnored(source), `${source} is not in .dockerignore`).toBe(false);
            continue;
          }
          const producer = stages.find((s) => s.name === op.from);
          expect(producer, `stage ${op.from}`).toBeDefined();
          const runAt = producer!.instructions.findIndex(
            (x) => x.keyword === 'RUN' && /\bnpm run build\b/.test(x.rest),
          );
          const outDir = path.posix.resolve(workdirAt(producer!, runAt), tsBuild.compilerOptions.outDir);
          const copiedIn = copies(producer!).flatMap((c) =>
            c.sources.map((s) => copiedTo(c, s, c.sources.length > 1 || c.dest.endsWith('/'))),
          );
          const produced = [outDir, ...copiedIn].some((p) => source === p || source.startsWith(p + '/'));
          expect(produced, `${source} is produced by stage ${op.from}`).toBe(true);
        }
      }
    }
  });

  it('puts schema/ where the compiled executable-schema.js looks for it, and cypher/ at CYPHER_DIR', () => {
    expect(SCHEMA_URL).toBeDefined();
    const ops = copies(finalStage);
    const dist = ops.find((c) => c.from === 'build');
    expect(dist).toBeDefined();
    const compiledSchemaModule = path.posix.join(
      dist!.dest,
      path.posix.relative(tsBuild.compilerOptions.outDir, compiledPath('src/graphql/executable-schema.ts')),
    );
    const sdlDir = path.posix.resolve(path.posix.dirname(compiledSchemaModule), SCHEMA_URL!);
    const schemaCopy = ops.find((c) => !c.from && c.sources.includes('schema'));
    expect(schemaCopy?.dest).toBe(sdlDir.replace(/\/$/, ''));

    const workdir = workdirAt(finalStage, finalStage.instructions.length);
    const cypherDir = path.posix.resolve(workdir, loadConfig(envOf(finalStage)).cypherDir);
    expect(ops.find((c) => !c.from && c.sources.includes('cypher'))?.dest).toBe(cypherDir);
  });

  it('HEALTHCHECK runs node (no curl in slim images) against /health on PORT, and fails when it should', async () => {
    const hc = instructions(finalStage, 'HEALTHCHECK');
    expect(hc).toHaveLength(1);
    const m = /^CMD\s+([\s\S]+)$/.exec(hc[0]!.rest);
    const command = m && jsonForm(m[1]!);
    expect(command, 'HEALTHCHECK CMD [...] in exec form').toBeTruthy();
    expect(command!.join(' ')).not.toMatch(/\b(curl|wget)\b/);
    expect(await healthcheckExits(command!)).toEqual({ healthy: 0, unhealthy: 1, wrongPath: 1, down: 1 });
  });
});

describe('tsconfig.build.json', () => {
  it('extends tsconfig.json, compiles src/ only into dist/, and start:prod runs the compiled entry', () => {
    expect(tsBuild.extends).toBe('./tsconfig.json');
    expect(tsBuild.include).toEqual(['src']);
    expect(tsBuild.compilerOptions.outDir).toBe('dist');
    expect(tsBuild.compilerOptions.rootDir).toBe('src');
    expect(pkg.scripts['start:prod'], 'package.json needs a "start:prod" script').toMatch(
      new RegExp(`^node (.* )?${compiledPath('src/main.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, build output, scratch, git, tests and local stores out of the context', () => {
    for (const file of [
      'node_modules/yaml/package.json',
      'dist/main.js',
      'scratch/notes.md',
      '.git/HEAD',
      'tests/deployment.test.ts',
      'graph.grafeo',
      '.env',
    ]) {
      expect(dockerIgnored(file), file).toBe(true);
    }
    for (const file of ['src/main.ts', 'schema/query.graphql', 'cypher/000_schema.cypher', 'package-lock.json']) {
      expect(dockerIgnored(file), file).toBe(false);
    }
  });
});

describe('docker-compose.yml', () => {
  const c = compose();
  const { neo4j, seed, api } = c.services;

  it('has the neo4j, seed and api services', () => {
    expect(Object.keys(c.services).sort()).toEqual(['api', 'neo4j', 'seed']);
  });

  it('neo4j: Neo4j 5, a named volume for /data, bolt and browser ports, cypher-shell healthcheck', () => {
    expect(neo4j!.image).toMatch(/^neo4j:5(\.\d+)*(-community|-enterprise)?$/);
    const data = (neo4j!.volumes ?? [])
      .map((v) => (typeof v === 'string' ? { source: v.split(':')[0]!, target: v.split(':')[1]! } : v))
      .find((v) => v.target === '/data');
    expect(data, 'a volume at /data').toBeDefined();
    expect(Object.keys(c.volumes ?? {})).toContain(data!.source);
    expect(
      ports(neo4j!)
        .map((p) => p.container)
        .sort(),
    ).toEqual([7474, 7687]);
    expect(environment(neo4j!).NEO4J_AUTH).toMatch(/^neo4j\/.{8,}$/); // Neo4j 5 rejects shorter passwords
    const test = argv(neo4j!.healthcheck?.test);
    expect(test[0]).toBe('CMD-SHELL');
    expect(test.join(' ')).toMatch(/cypher-shell .*RETURN 1/);
  });

  it('neo4j healthcheck passes the NEO4J_AUTH password to cypher-shell and fails when cypher-shell does', async () => {
    const script = argv(neo4j!.healthcheck?.test)[1]!;
    const dir = mkdtempSync(path.join(tmpdir(), 'chainatlas-hc-'));
    try {
      const log = path.join(dir, 'args');
      writeFileSync(
        path.join(dir, 'cypher-shell'),
        `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${log}'\nexit "\${FAKE_EXIT:-0}"\n`,
      );
      chmodSync(path.join(dir, 'cypher-shell'), 0o755);
      const env = { PATH: `${dir}:${process.env.PATH}`, NEO4J_AUTH: environment(neo4j!).NEO4J_AUTH };
      expect(await run('/bin/sh', ['-c', script], env)).toBe(0);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['-u', 'neo4j', '-p', 'chainatlas-dev', 'RETURN 1']);
      expect(await run('/bin/sh', ['-c', script], { ...env, FAKE_EXIT: '1' })).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seed: the api image, runs the compiled seed CLI once after neo4j is healthy', () => {
    expect(seed!.image).toBe(api!.image);
    expect(seed!.build).toEqual(api!.build);
    expect(seed!.restart).toBe('no');
    expect(dependsOn(seed!)).toEqual({ neo4j: 'service_healthy' });
    const script = nodeScript(argv(seed!.command));
    expect(script).toBe(compiledPath('src/cli/seed.ts'));
    // The same CLI as `npm run seed`, and it exists.
    expect(pkg.scripts.seed).toContain('src/cli/seed.ts');
    expect(existsSync(path.join(ROOT, sourceOf(script!)!)), `${sourceOf(script!)} exists`).toBe(true);
  });

  it('api: built from this Dockerfile, starts after a successful seed, publishes PORT, checks /health', async () => {
    const build = typeof api!.build === 'string' ? { context: api!.build } : api!.build;
    expect(build?.context).toBe('.');
    expect(
      existsSync(path.join(ROOT, build!.context, (build as { dockerfile?: string }).dockerfile ?? 'Dockerfile')),
    ).toBe(true);
    expect(dependsOn(api!)).toEqual({ neo4j: 'service_healthy', seed: 'service_completed_successfully' });
    const config = loadConfig(environment(api!));
    expect(config.host).toBe('0.0.0.0');
    expect(ports(api!)).toContainEqual({ container: config.port, host: 4000 });
    const test = argv(api!.healthcheck?.test);
    expect(test[0]).toBe('CMD');
    expect(await healthcheckExits(test.slice(1))).toEqual({ healthy: 0, unhealthy: 1, wrongPath: 1, down: 1 });
  });

  it('api: restarted whenever it exits (the server exits 1 on an uncaught exception, for its supervisor)', () => {
    expect(['always', 'unless-stopped']).toContain(api!.restart);
    expect(neo4j!.restart).toBe('unless-stopped');
  });

  it('seed and api set only variables src/config.ts reads, and they select the neo4j service', () => {
    expect(CONFIG_VARIABLES).toEqual(
      expect.arrayContaining(['PORT', 'HOST', 'NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']),
    );
    const neo4jPorts = ports(neo4j!).map((p) => p.container);
    for (const service of [seed!, api!]) {
      const env = environment(service);
      for (const key of Object.keys(env)) expect(CONFIG_VARIABLES, key).toContain(key);
      const store = loadConfig(env).store;
      expect(store.engine).toBe('neo4j');
      if (store.engine !== 'neo4j') continue;
      const uri = new URL(store.uri);
      expect(uri.hostname).toBe('neo4j');
      expect(neo4jPorts).toContain(Number(uri.port));
      expect(store.database).toBe('neo4j');
    }
  });

  it.each([{}, { NEO4J_PASSWORD: 'another-secret-42' }])(
    'neo4j, seed and api agree on the password (env %o)',
    (env) => {
      const s = compose(env).services;
      const auth = environment(s.neo4j!).NEO4J_AUTH!;
      for (const service of [s.seed!, s.api!]) {
        const store = loadConfig(environment(service)).store;
        expect(store.engine === 'neo4j' && `${store.user}/${store.password}`).toBe(auth);
      }
      if (env.NEO4J_PASSWORD) expect(auth).toBe(`neo4j/${env.NEO4J_PASSWORD}`);
    },
  );

  it('targets only platforms whose @grafeo-db/js addon package-lock.json installs', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, unknown> };
    const addon: Record<string, string> = { 'linux/amd64': 'linux-x64-gnu', 'linux/arm64': 'linux-arm64-gnu' };
    for (const service of [seed!, api!]) {
      const platforms = service.platform ? [service.platform] : Object.keys(addon); // unpinned: whatever the host is
      for (const platform of platforms) {
        expect(
          lock.packages,
          `${platform} needs node_modules/@grafeo-db/js-${addon[platform]} in package-lock.json`,
        ).toHaveProperty([`node_modules/@grafeo-db/js-${addon[platform]}`]);
      }
    }
  });
});
