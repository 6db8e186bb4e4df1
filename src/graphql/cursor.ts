/** Opaque Relay cursors: base64url of the last entity id on the page (keyset pagination). */
import { BadUserInputError } from '../errors.js';

const PREFIX = 'id:';

export const encodeCursor = (id: string) => Buffer.from(PREFIX + id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(PREFIX) || decoded.length === PREFIX.length) {
    throw new BadUserInputError(
      `after: "${cursor.slice(0, 40)}" is not a cursor this API issued; pass an endCursor or cursor from a previous page`,
      'after',
    );
  }
  return decoded.slice(PREFIX.length);
}
