import type { SqlExecutor } from '../database/database.port';
import type { LogCheckpoint } from '../event-store/event-store.port';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatLogCheckpoint } from '../event-store/log-checkpoint';

export class ReadModelBehindError extends Error {
  readonly code = 'PLATFORM.NOT_CAUGHT_UP';
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

// Read-your-writes: has `readModel` applied every event of each stream up to `upTo`? A stream
// is caught up when its last event at or before `upTo` is at or before the read model's
// checkpoint for it (a stream's order is the log's order).
export async function isCaughtUp(
  executor: SqlExecutor,
  readModel: string,
  streamIds: readonly string[],
  upTo: LogCheckpoint,
): Promise<boolean> {
  const { rows } = await executor.query<{ pending: number }>(
    `select count(*)::int as pending
     from unnest($2::text[]) as s(stream_id)
     cross join lateral (
       select e.transaction_id, e.global_position from events e
       where e.stream_id = s.stream_id and (e.transaction_id, e.global_position) <= ($3::xid8, $4::bigint)
       order by e.stream_position desc limit 1
     ) as last_event
     where not exists (
       select 1 from consumer_checkpoints c
       where c.consumer = $1 and c.stream_id = s.stream_id
         and (c.transaction_id, c.global_position) >= (last_event.transaction_id, last_event.global_position)
     )`,
    [readModel, streamIds, upTo.transactionId.toString(), upTo.globalPosition.toString()],
  );
  return rows[0].pending === 0;
}

// Waits, with backoff and a deadline, until the read model caught up; then the query runs.
export async function waitUntilCaughtUp(
  executor: SqlExecutor,
  readModel: string,
  streamIds: readonly string[],
  upTo: LogCheckpoint,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delayMs = 2; ; delayMs = Math.min(delayMs * 2, 100)) {
    if (await isCaughtUp(executor, readModel, streamIds, upTo)) return;
    if (Date.now() + delayMs > deadline) {
      throw new ReadModelBehindError(`The ${readModel} read model has not reached the requested position yet`, {
        readModel,
        position: formatLogCheckpoint(upTo),
      });
    }
    await sleep(delayMs);
  }
}
