import { types } from 'pg';

// int8 (counts, positions) and xid8 (transaction ids) come back as exact bigints, never as
// strings or as numbers that lose digits past 2^53. Scoped to Dyad's own pools, not global.
const exactAsBigint = new Set([20, 5069]);

export const postgresTypeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    exactAsBigint.has(oid) && format !== 'binary'
      ? (value: string) => BigInt(value)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};
