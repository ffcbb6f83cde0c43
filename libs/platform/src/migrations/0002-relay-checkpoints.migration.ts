import type { Migration } from './migration';

// Where each relay stands in the log, and which process holds the right to move it: one relay
// publishes at a time, the others wait for its lease to lapse (a worker that died stops renewing).
export const relayCheckpointsMigration: Migration = {
  version: 2,
  name: 'relay_checkpoints',
  sql: `
    create table relay_checkpoints (
      relay text primary key,
      transaction_id xid8 not null default '0',
      global_position bigint not null default 0,
      owner text,
      lease_expires_at timestamptz,
      updated_at timestamptz not null default clock_timestamp()
    );
  `,
};
