import type { Migration } from './migration';

// The log (DESIGN §3). `transaction_id` with `global_position` gives the gap-free reading order;
// `streams` holds each stream's version, the row that appends lock for the version check.
// Three indexes and no more, each for a reader or a guarantee (every one costs each append):
// the event id (idempotent retries), the stream and position (reading a stream, no two events
// at one place), the log order (reading the whole log). Nothing looks an event up by position
// alone, so `global_position` needs no index of its own: the sequence keeps it unique.
export const eventLogMigration: Migration = {
  version: 1,
  name: 'event_log',
  sql: `
    create table streams (
      stream_id text primary key,
      version integer not null check (version > 0)
    );

    create table events (
      global_position bigserial not null,
      transaction_id xid8 not null default pg_current_xact_id(),
      event_id uuid primary key,
      stream_id text not null,
      stream_position integer not null check (stream_position > 0),
      type text not null,
      data jsonb not null,
      metadata jsonb not null default '{}',
      recorded_at timestamptz not null default clock_timestamp(),
      valid_at timestamptz not null,
      unique (stream_id, stream_position)
    );

    create index events_log_order on events (transaction_id, global_position);
  `,
};
