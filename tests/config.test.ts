import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to the embedded engine in memory', () => {
    const config = loadConfig({});
    expect(config.store).toEqual({ engine: 'grafeo', path: undefined, timeoutMs: 10_000 });
    expect(config.port).toBe(4000);
  });

  it('selects Neo4j from the environment', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'atlas',
    });
    expect(config.store).toMatchObject({
      engine: 'neo4j',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
      database: 'atlas',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: Expected number/],
    [{ PORT: '70000' }, /PORT: Number must be less than or equal to 65535/],
    [
      { NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' },
      /NEO4J_URI: expected a URI such as bolt:\/\/localhost:7687/,
    ],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, /NEO4J_PASSWORD: required when NEO4J_URI is set \(got unset\)/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: Invalid enum value/],
    [{ STORE_MAX_CONCURRENCY: '0' }, /STORE_MAX_CONCURRENCY: Number must be greater than or equal to 1 \(got "0"\)/],
    [{ STORE_QUEUE_WAIT_MS: '2.5' }, /STORE_QUEUE_WAIT_MS: Expected integer, received float/],
    [{ RATE_LIMIT_MAX: '-1' }, /RATE_LIMIT_MAX: Number must be greater than or equal to 0/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY: Expected number, received nan/],
    [
      { HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' },
      /HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS \(30000\)/,
    ],
  ])('rejects %o with a line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('has deliberate limits by default, and reads each from its variable', () => {
    const defaults = loadConfig({});
    expect(defaults.storeGuard).toEqual({ maxConcurrency: 16, queueWaitMs: 2_000, probeIntervalMs: 1_000 });
    expect(defaults.rateLimit).toEqual({ max: 600, windowMs: 60_000 });
    expect(defaults.trustProxy).toBe(0);
    expect(defaults.http).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });
    const set = loadConfig({
      NEO4J_URI: 'bolt://db:7687',
      NEO4J_PASSWORD: 'pw',
      NEO4J_CONNECT_TIMEOUT_MS: '1500',
      NEO4J_MAX_RETRY_MS: '0',
      STORE_MAX_CONCURRENCY: '32',
      STORE_QUEUE_WAIT_MS: '500',
      STORE_PROBE_INTERVAL_MS: '250',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_WINDOW_MS: '10000',
      TRUST_PROXY: '1',
      HTTP_HEADERS_TIMEOUT_MS: '5000',
      HTTP_REQUEST_TIMEOUT_MS: '20000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
    });
    expect(set.store).toMatchObject({ engine: 'neo4j', connectTimeoutMs: 1_500, maxRetryTimeMs: 0 });
    expect(set.storeGuard).toEqual({ maxConcurrency: 32, queueWaitMs: 500, probeIntervalMs: 250 });
    expect(set.rateLimit).toEqual({ max: 0, windowMs: 10_000 });
    expect(set.trustProxy).toBe(1);
    expect(set.http).toEqual({ headersTimeoutMs: 5_000, requestTimeoutMs: 20_000, keepAliveTimeoutMs: 65_000 });
  });

  it('never echoes a password', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://h:7687', NEO4J_PASSWORD: 'secret', GRAPH_PATH: '/tmp/x' })).toThrow(
      /GRAPH_PATH/,
    );
    try {
      loadConfig({ NEO4J_URI: 'nope', NEO4J_PASSWORD: 'secret' });
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });

  it('stops the server with one clear line on a bad variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT: Expected number, received nan (got "not-a-port")');
  });
});
