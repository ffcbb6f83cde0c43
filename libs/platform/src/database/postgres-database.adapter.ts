import { Pool, type PoolClient, type PoolConfig } from 'pg';
import type { Database, QueryOptions, QueryResultRows, SqlExecutor } from './database.port';
import { isConnectionFailure, postgresConnectionError } from './postgres-connection-error';
import { PostgresNotificationListener } from './postgres-notification-listener';
import { postgresTypeParsers } from './postgres-type-parsers';

export interface PostgresDatabaseOptions {
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
}

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

  private constructor(
    private readonly pool: Pool,
    private readonly listener: PostgresNotificationListener,
    private readonly url: string,
  ) {}

  // Opens the pool and proves the server answers, so a wrong URL fails at start in one line.
  static async connect(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresDatabase> {
    const config: PoolConfig = {
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      types: postgresTypeParsers,
    };
    const pool = new Pool(config);
    // An idle client that loses its server is dropped by the pool; without a listener the
    // 'error' event would crash the process.
    pool.on('error', () => undefined);
    try {
      await pool.query('select 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw postgresConnectionError(error, url);
    }
    const { max: _max, ...clientConfig } = config;
    return new PostgresDatabase(pool, new PostgresNotificationListener(clientConfig), url);
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResultRows<Row>> {
    try {
      return toRows<Row>(await this.pool.query(queryConfig(sql, params, options)));
    } catch (error) {
      throw this.unavailableIfGone(error);
    }
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw this.unavailableIfGone(error);
    });
    // The pool listens for errors on idle clients only: a server that goes away while this one
    // is checked out (between two statements) would otherwise crash the process.
    let lost = false;
    const onError = () => (lost = true);
    client.on('error', onError);
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(executorOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A client whose ROLLBACK fails is in an unknown state: destroy it rather than reuse it.
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw this.unavailableIfGone(error);
    } finally {
      client.removeListener('error', onError);
      client.release(broken || lost);
    }
  }

  // Lost connections become the store's coded 503 (with Retry-After); other errors stay as they are.
  private unavailableIfGone(error: unknown): unknown {
    return isConnectionFailure(error) ? postgresConnectionError(error, this.url) : error;
  }

  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    return this.listener.listen(channel, onNotify);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }
}

function executorOf(client: PoolClient): SqlExecutor {
  return {
    query: async <Row>(sql: string, params?: readonly unknown[], options?: QueryOptions) =>
      toRows<Row>(await client.query(queryConfig(sql, params, options))),
  };
}

function queryConfig(sql: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined) {
  return { text: sql, values: params as unknown[] | undefined, name: options?.name };
}

function toRows<Row>(result: { rows: unknown[]; rowCount: number | null }): QueryResultRows<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
}
