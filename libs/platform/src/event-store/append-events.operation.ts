import type { SqlExecutor } from '../database/database.port';
import { expectedAsNumber, type AppendPlan } from './append-plan';
import type { AppendResult, LogCheckpoint, StoredEvent } from './event-store.port';
import { ConcurrencyError } from './event-store.errors';
import { checkpointOf, compareLogCheckpoints } from './log-checkpoint';

// One statement, hence one round trip and, outside a transaction, its own atomic commit:
// - `locked` takes the row lock of every existing stream, in stream id order so that two
//   multi-stream appends cannot deadlock, and reads each version as it is after any
//   concurrent append that committed meanwhile;
// - `checked` compares them with the expected versions and stamps the recording time once,
//   after the locks: all events of an append share it, and within a stream it grows with
//   the position (transaction start time would not: a transaction that started first can
//   take the lock second); cut to milliseconds, the precision of a JS Date, so that the time
//   an append returns is exactly the one stored and compared with `knownAt`;
// - nothing is written unless every stream matches; a new stream that a concurrent append
//   created first fails on `streams_pkey` instead;
// - data travels as text arrays (JSON strings, ISO times) that both adapters pass as they are.
const APPEND_SQL = `
with input as (
  select * from unnest($1::text[], $2::int[], $3::int[]) with ordinality as i(stream_id, expected, added, idx)
),
locked as (
  select s.stream_id, s.version from streams s
  where s.stream_id = any($1::text[])
  order by s.stream_id
  for update
),
checked as (
  select
    coalesce(bool_and(i.expected = -1 or coalesce(l.version, 0) = i.expected), true) as ok,
    array_agg(coalesce(l.version, 0) order by i.idx) as versions,
    date_trunc('milliseconds', clock_timestamp()) as recorded_at
  from input i left join locked l using (stream_id)
),
bumped as (
  update streams s set version = s.version + i.added
  from input i, checked c
  where c.ok and i.added > 0 and s.stream_id = i.stream_id
  returning s.stream_id
),
created as (
  insert into streams (stream_id, version)
  select i.stream_id, i.added from input i, checked c
  where c.ok and i.added > 0 and not exists (select 1 from locked l where l.stream_id = i.stream_id)
  order by i.stream_id
  returning stream_id
),
appended as (
  insert into events (event_id, stream_id, stream_position, type, data, metadata, recorded_at, valid_at)
  select e.event_id::uuid, i.stream_id, coalesce(l.version, 0) + e.ordinal, e.type, e.data::json, e.metadata::json,
         c.recorded_at, coalesce(e.valid_at::timestamptz, c.recorded_at)
  from unnest($4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
         with ordinality as e(event_id, stream_index, ordinal, type, data, metadata, valid_at, n)
  join input i on i.idx = e.stream_index
  left join locked l on l.stream_id = i.stream_id
  cross join checked c
  -- Referenced so that they run first: a stream created concurrently then fails on
  -- streams_pkey rather than on an event position.
  cross join (select count(*) from created) as created_first
  cross join (select count(*) from bumped) as bumped_first
  where c.ok
  -- Positions are drawn as rows are inserted, in this order: the n-th smallest is the n-th event.
  order by e.n
  returning global_position, transaction_id
)
select c.ok, c.versions, c.recorded_at,
       (select transaction_id from appended limit 1) as transaction_id,
       (select array_agg(global_position::text order by global_position) from appended) as positions
from checked c`;

// One row whatever the size of the append: what the caller does not already know.
interface AppendRow {
  ok: boolean;
  versions: number[] | null;
  recorded_at: Date;
  transaction_id: bigint | null;
  positions: string[] | null;
}

// Writes the planned events, or throws a ConcurrencyError having written nothing.
export async function appendEvents(executor: SqlExecutor, plan: AppendPlan): Promise<AppendResult> {
  const { rows } = await executor.query<AppendRow>(
    APPEND_SQL,
    [
      plan.streams.map((stream) => stream.streamId),
      plan.streams.map((stream) => expectedAsNumber(stream.expectedVersion)),
      plan.streams.map((stream) => stream.added),
      plan.events.map((event) => event.eventId),
      plan.events.map((event) => event.streamIndex),
      plan.events.map((event) => event.ordinal),
      plan.events.map((event) => event.type),
      plan.events.map((event) => JSON.stringify(event.data ?? null)),
      plan.events.map((event) => JSON.stringify(event.metadata)),
      plan.events.map((event) => event.validAt?.toISOString() ?? null),
    ],
    { name: 'dyad_append_events' },
  );
  const [{ ok, versions, recorded_at: recordedAt, transaction_id: transactionId, positions }] = rows;
  const before = versions ?? [];
  if (!ok) throw conflictOf(plan, before);
  const events: StoredEvent[] = plan.events.map((event, index) => ({
    eventId: event.eventId,
    streamId: event.streamId,
    streamPosition: before[event.streamIndex - 1] + event.ordinal,
    globalPosition: BigInt((positions as string[])[index]),
    transactionId: transactionId as bigint,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt,
    validAt: event.validAt ?? recordedAt,
  }));
  return {
    streams: plan.streams.map((stream, index) => ({ streamId: stream.streamId, nextVersion: before[index] + stream.added })),
    events,
    lastCheckpoint: lastCheckpointOf(events),
    alreadyAppended: false,
  };
}

export function lastCheckpointOf(events: readonly StoredEvent[]): LogCheckpoint | null {
  return events.map(checkpointOf).reduce<LogCheckpoint | null>((last, next) => (compareLogCheckpoints(last, next) < 0 ? next : last), null);
}

function conflictOf(plan: AppendPlan, versions: number[]): ConcurrencyError {
  const index = plan.streams.findIndex((stream, at) => {
    const expected = expectedAsNumber(stream.expectedVersion);
    return expected !== -1 && versions[at] !== expected;
  });
  const stream = plan.streams[index];
  return new ConcurrencyError(stream.streamId, String(stream.expectedVersion), versions[index]);
}
