import { mkdir } from 'node:fs/promises';
import { PGlite, type Results } from '@electric-sql/pglite';
import { AsyncMutex } from './async-mutex';
import type { Database, QueryResultRows, SqlExecutor } from './database.port';
import { DatabaseUnavailableError } from './database.errors';

const exactBigint = (value: string) => BigInt(value);

// The embedded store: PostgreSQL compiled to WASM, in a data folder or in memory. It has one
// connection, and its advisory locks never block, so every statement and transaction takes
// turns through one in-process mutex: two writers never interleave.
export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  private readonly turn = new AsyncMutex();

  private constructor(private readonly pg: PGlite) {}

  // `dataDir` undefined or `memory://`: in memory, gone when closed (tests, `dyad eval`).
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    try {
      if (dataDir && !dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
      const pg = await PGlite.create({
        dataDir,
        // Same mapping as the PostgreSQL adapter: int8 and xid8 as exact bigints.
        parsers: { 20: exactBigint, 5069: exactBigint },
      });
      return new PgliteDatabase(pg);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      const where = dataDir ? `in ${dataDir}` : 'in memory';
      throw new DatabaseUnavailableError(`Cannot open the embedded database ${where}: ${reason}`, { cause: error });
    }
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResultRows<Row>> {
    return this.turn.runExclusive(() => run<Row>(this.pg, sql, params));
  }

  // Work inside must use `tx`, never this object: the mutex is held until the transaction ends.
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.turn.runExclusive(() =>
      this.pg.transaction((tx) => work({ query: <Row>(sql: string, params?: readonly unknown[]) => run<Row>(tx, sql, params) })),
    );
  }

  // LISTEN takes a turn too: issued inside another caller's transaction, a rollback would undo it.
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const unlisten = await this.turn.runExclusive(() => this.pg.listen(channel, onNotify));
    return () => (this.pg.closed ? Promise.resolve() : this.turn.runExclusive(() => unlisten()));
  }

  close(): Promise<void> {
    return this.turn.runExclusive(() => this.pg.close());
  }
}

// Without parameters, like `pg`, the simple protocol runs: a migration may hold several statements.
async function run<Row>(target: Pick<PGlite, 'query' | 'exec'>, sql: string, params?: readonly unknown[]): Promise<QueryResultRows<Row>> {
  if (params?.length) return toRows<Row>(await target.query<Row>(sql, params as unknown[]));
  return toRows<Row>((await target.exec(sql)).at(-1) as Results<Row> | undefined);
}

function toRows<Row>(result: Results<Row> | undefined): QueryResultRows<Row> {
  if (!result) return { rows: [], rowCount: 0 };
  return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
}
