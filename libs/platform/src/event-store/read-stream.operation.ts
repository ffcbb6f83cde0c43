import type { SqlExecutor } from '../database/database.port';
import type { ReadStreamOptions, StoredEvent } from './event-store.port';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEventRow } from './stored-event-row';

// `fromVersion` is inclusive (events at that position and after); `knownAt` keeps the events
// recorded at or before it. Recording times grow with the position within a stream (see the
// append), so the events known at a time are always a prefix of the stream.
const READ_STREAM_SQL = `
select ${STORED_EVENT_COLUMNS} from events
where stream_id = $1 and stream_position >= $2 and ($3::timestamptz is null or recorded_at <= $3::timestamptz)
order by stream_position`;

const VERSION_SQL = `
select coalesce(max(stream_position), 0) as version from events
where stream_id = $1 and ($2::timestamptz is null or recorded_at <= $2::timestamptz)`;

export async function readStream(
  executor: SqlExecutor,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<{ version: number; events: StoredEvent[] }> {
  const fromVersion = Math.max(options.fromVersion ?? 1, 1);
  const knownAt = options.knownAt?.toISOString() ?? null;
  const { rows } = await executor.query<StoredEventRow>(READ_STREAM_SQL, [streamId, fromVersion, knownAt], {
    name: 'dyad_read_stream',
  });
  const events = rows.map(toStoredEvent);
  if (events.length > 0) return { version: events[events.length - 1].streamPosition, events };
  if (fromVersion === 1) return { version: 0, events };
  // Nothing at or after `fromVersion`: the version still says how far the stream goes.
  const version = await executor.query<{ version: number }>(VERSION_SQL, [streamId, knownAt], { name: 'dyad_stream_version' });
  return { version: version.rows[0].version, events };
}
