import type { SqlExecutor } from '../database/database.port';

// Which stream holds an event: how a correction that names a fact finds the fact's aggregate.
export async function streamOfEvent(executor: SqlExecutor, eventId: string): Promise<string | null> {
  const { rows } = await executor.query<{ stream_id: string }>('select stream_id from events where event_id = $1', [eventId]);
  return rows[0]?.stream_id ?? null;
}
