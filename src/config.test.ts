import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig, shownValue } from './config.js';

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
  ])('rejects %o with a line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a password: a URI with credentials is shown without them', () => {
    const attempt = () => loadConfig({ NEO4J_URI: 'http://neo4j:s3cret-pw@db.example:7474', NEO4J_PASSWORD: 'x' });
    expect(attempt).toThrow(/NEO4J_URI: expected a URI .*\(got "http:\/\/neo4j:\*\*\*@db\.example:7474"\)/);
    expect(attempt).not.toThrow(/s3cret-pw/);
  });

  it('shows no secret variable at all, and every other value as it is', () => {
    expect(shownValue('NEO4J_PASSWORD', 'hunter2')).toBe('***');
    expect(shownValue('API_TOKEN', 'abc')).toBe('***');
    expect(shownValue('NEO4J_URI', 'bolt://neo4j:pw@h:7687')).toBe('bolt://neo4j:***@h:7687');
    expect(shownValue('NEO4J_URI', 'bolt://h:7687')).toBe('bolt://h:7687');
    expect(shownValue('PORT', 'eighty')).toBe('eighty');
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
