import type { MigrationSet } from '@dyad/platform';

// The commitment-change feed and the webhooks that follow it. Positions are log checkpoints
// (transaction id, global position): the feed's order is the log's order.
export const subscriptionsMigrations: MigrationSet = {
  context: 'subscriptions',
  migrations: [
    {
      version: 1,
      name: 'commitment_feed',
      sql: `
        -- Where the feed projection ('changes') and the Kafka relay of the feed ('kafka') stand.
        create table commitment_feed_checkpoints (
          feed text primary key,
          transaction_id xid8 not null default '0',
          global_position bigint not null default 0,
          updated_at timestamptz not null default clock_timestamp()
        );
        insert into commitment_feed_checkpoints (feed) values ('changes'), ('kafka');

        -- The standing facts of each commitment, to tell its status before and after an event.
        create table commitment_feed_facts (
          fact_id uuid primary key,
          commitment_id uuid not null,
          event jsonb not null,
          transaction_id xid8 not null,
          global_position bigint not null
        );
        create index commitment_feed_facts_by_commitment on commitment_feed_facts (commitment_id, transaction_id, global_position);

        create table commitment_changes (
          transaction_id xid8 not null,
          global_position bigint not null,
          commitment_id uuid not null,
          dyad text not null,
          change json not null, -- json, not jsonb: keys stay in the order they were written
          committed_at timestamptz not null default clock_timestamp(),
          primary key (transaction_id, global_position)
        );

        create table webhooks (
          webhook_id uuid primary key,
          url text not null,
          secret text not null,
          filter jsonb not null,
          registered_at timestamptz not null,
          deleted_at timestamptz
        );

        -- One row per (webhook, change). A claim (claimed_until in the future) marks an attempt in
        -- flight; a worker that dies leaves it to lapse, and the next claim tries again.
        create table webhook_deliveries (
          webhook_id uuid not null,
          transaction_id xid8 not null,
          global_position bigint not null,
          state text not null default 'pending' check (state in ('pending', 'delivered', 'dead', 'cancelled')),
          attempts integer not null default 0,
          attempt_limit integer,
          next_attempt_at timestamptz not null default clock_timestamp(),
          claimed_until timestamptz,
          last_status integer,
          last_error text,
          delivered_at timestamptz,
          created_at timestamptz not null default clock_timestamp(),
          primary key (webhook_id, transaction_id, global_position)
        );
        create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state = 'pending';

        create table webhook_delivery_attempts (
          webhook_id uuid not null,
          transaction_id xid8 not null,
          global_position bigint not null,
          attempt integer not null,
          started_at timestamptz not null,
          duration_ms integer not null,
          outcome text not null,
          status_code integer,
          error text,
          primary key (webhook_id, transaction_id, global_position, attempt)
        );
      `,
    },
  ],
};
