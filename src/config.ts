/**
 * Environment configuration, validated once at start-up. A wrong value stops the process
 * with one line naming the variable, instead of failing later inside a driver call.
 */
import { z } from 'zod';
import { HTTP_TIMEOUT_DEFAULTS, type HttpTimeouts } from './http/http-server.js';
import { RATE_LIMIT_DEFAULTS, type RateLimitOptions } from './http/rate-limit.js';
import { STORE_GUARD_DEFAULTS, type StoreGuardOptions } from './store/guarded-store.js';

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

const ms = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const Env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    NEO4J_URI: z
      .string()
      .refine((v) => NEO4J_SCHEMES.includes(v.split('://')[0] ?? '') && /:\/\/[^/]+/.test(v), {
        message: `expected a URI such as bolt://localhost:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})`,
      })
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9.-]+$/, 'expected a database name such as neo4j')
      .default('neo4j'),
    GRAPH_PATH: z.string().min(1).optional(),
    CYPHER_DIR: z.string().min(1).default('cypher'),
    CORPUS_DIR: z.string().min(1).default('../shared/seeds'),
    QUERY_TIMEOUT_MS: ms(100, 600_000, 10_000),
    NEO4J_CONNECT_TIMEOUT_MS: ms(100, 60_000, 2_000),
    NEO4J_MAX_RETRY_MS: ms(0, 60_000, 2_000),
    STORE_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(STORE_GUARD_DEFAULTS.maxConcurrency),
    STORE_QUEUE_WAIT_MS: ms(0, 60_000, STORE_GUARD_DEFAULTS.queueWaitMs),
    STORE_PROBE_INTERVAL_MS: ms(100, 60_000, STORE_GUARD_DEFAULTS.probeIntervalMs),
    RATE_LIMIT_MAX: z.coerce.number().int().min(0).max(1_000_000).default(RATE_LIMIT_DEFAULTS.max),
    RATE_LIMIT_WINDOW_MS: ms(1_000, 3_600_000, RATE_LIMIT_DEFAULTS.windowMs),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    HTTP_HEADERS_TIMEOUT_MS: ms(1_000, 300_000, HTTP_TIMEOUT_DEFAULTS.headersTimeoutMs),
    HTTP_REQUEST_TIMEOUT_MS: ms(1_000, 3_600_000, HTTP_TIMEOUT_DEFAULTS.requestTimeoutMs),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: ms(1_000, 600_000, HTTP_TIMEOUT_DEFAULTS.keepAliveTimeoutMs),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().default('development'),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'required when NEO4J_URI is set' });
    }
    if (env.NEO4J_URI && env.GRAPH_PATH) {
      ctx.addIssue({
        code: 'custom',
        path: ['GRAPH_PATH'],
        message: 'applies to the embedded engine only; unset it or NEO4J_URI',
      });
    }
    if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HTTP_HEADERS_TIMEOUT_MS'],
        message: `must not exceed HTTP_REQUEST_TIMEOUT_MS (${env.HTTP_REQUEST_TIMEOUT_MS})`,
      });
    }
  });

export type StoreConfig =
  | {
      engine: 'neo4j';
      uri: string;
      user: string;
      password: string;
      database: string;
      timeoutMs: number;
      connectTimeoutMs: number;
      maxRetryTimeMs: number;
    }
  | { engine: 'grafeo'; path?: string; timeoutMs: number };

export interface Config {
  port: number;
  host: string;
  store: StoreConfig;
  cypherDir: string;
  corpusDir: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  production: boolean;
  storeGuard: Pick<StoreGuardOptions, 'maxConcurrency' | 'queueWaitMs' | 'probeIntervalMs'>;
  rateLimit: RateLimitOptions;
  trustProxy: number;
  http: HttpTimeouts;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from `env`; throws ConfigError whose message is one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`NEO4J_URI=`) means unset, as shells and compose files produce it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      const got =
        present[name] === undefined ? 'unset' : JSON.stringify(name.includes('PASSWORD') ? '***' : present[name]);
      return `Invalid configuration: ${name}: ${i.message} (got ${got})`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  const store: StoreConfig = e.NEO4J_URI
    ? {
        engine: 'neo4j',
        uri: e.NEO4J_URI,
        user: e.NEO4J_USER,
        password: e.NEO4J_PASSWORD!,
        database: e.NEO4J_DATABASE,
        timeoutMs: e.QUERY_TIMEOUT_MS,
        connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
        maxRetryTimeMs: e.NEO4J_MAX_RETRY_MS,
      }
    : { engine: 'grafeo', path: e.GRAPH_PATH, timeoutMs: e.QUERY_TIMEOUT_MS };
  return {
    port: e.PORT,
    host: e.HOST,
    store,
    cypherDir: e.CYPHER_DIR,
    corpusDir: e.CORPUS_DIR,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    storeGuard: {
      maxConcurrency: e.STORE_MAX_CONCURRENCY,
      queueWaitMs: e.STORE_QUEUE_WAIT_MS,
      probeIntervalMs: e.STORE_PROBE_INTERVAL_MS,
    },
    rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
    trustProxy: e.TRUST_PROXY,
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
  };
}
