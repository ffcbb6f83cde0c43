import type { Migration } from './migration';

// The last event each consumer applied, per stream, written in the transaction of its effect:
// a redelivered event finds itself already recorded and changes nothing.
export const consumerCheckpointsMigration: Migration = {
  version: 3,
  name: 'consumer_checkpoints',
  sql: `
    create table consumer_checkpoints (
      consumer text not null,
      stream_id text not null,
      stream_position integer not null,
      transaction_id xid8 not null,
      global_position bigint not null,
      updated_at timestamptz not null default clock_timestamp(),
      primary key (consumer, stream_id)
    );
  `,
};
