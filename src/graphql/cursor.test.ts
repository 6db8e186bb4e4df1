/** Relay cursors: opaque, round-tripping, and a clear BAD_USER_INPUT for anything this API did not issue. */
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursors', () => {
  it('round-trip an id, and no cursor means the first page', () => {
    expect(decodeCursor(encodeCursor('park:dawang-xinnengyuan'))).toBe('park:dawang-xinnengyuan');
    expect(encodeCursor('city:shaoguan')).not.toContain('city');
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    'not-a-cursor!',
    Buffer.from('offset:3').toString('base64url'),
    Buffer.from('id:').toString('base64url'),
    '',
  ])('refuses %j, naming the argument', (cursor) => {
    const error = (() => {
      try {
        decodeCursor(cursor);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error).toMatchObject({ field: 'after', message: expect.stringMatching(/is not a cursor this API issued/) });
  });
});
