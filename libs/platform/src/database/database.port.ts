// The one seam between the SQL that Dyad runs and the server that runs it: PostgreSQL through a
// `pg` pool, or PGlite in process. Everything above this port (event store, read models,
// checkpoints) is written once, in plain PostgreSQL SQL.
export interface QueryResultRows<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}

export interface QueryOptions {
  // A stable name for a constant, hot statement: PostgreSQL then parses and plans it once per
  // connection instead of on every call. Never for SQL built from values.
  readonly name?: string;
}

// Values: int8 and xid8 come back as bigint, json and jsonb parsed, timestamptz as Date, numeric as string.
// Without params, a query may hold several statements (the simple protocol).
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResultRows<Row>>;
}

export interface Database extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  // Runs `work` in one transaction: commit when it resolves, roll back when it throws.
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  // Calls `onNotify` for each NOTIFY on `channel` until the returned function is called.
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const DATABASE = Symbol('DATABASE');
