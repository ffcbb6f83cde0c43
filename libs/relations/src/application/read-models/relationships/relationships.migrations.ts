import type { MigrationSet } from '@dyad/platform';

// The relationships read model: every relationship event as a row (the bitemporal queries fold
// them), the current view of each dyad, and which dyad each commitment belongs to.
export const relationsMigrations: MigrationSet = {
  context: 'relations',
  migrations: [
    {
      version: 1,
      name: 'relationships_read_model',
      sql: `
        create table relationship_facts (
          event_id uuid primary key,
          dyad text not null,
          event_type text not null,
          article_id uuid,
          data jsonb not null,
          metadata jsonb not null,
          occurred_at date not null,
          recorded_at timestamptz not null,
          transaction_id xid8 not null,
          global_position bigint not null,
          retracted_at timestamptz
        );
        create index relationship_facts_by_dyad on relationship_facts (dyad, transaction_id, global_position);
        create index relationship_facts_by_occurrence on relationship_facts (occurred_at);
        create index relationship_facts_by_article on relationship_facts (article_id);

        create table relationships (
          dyad text primary key,
          view jsonb not null,
          fact_count integer not null,
          last_occurred_at date not null,
          last_recorded_at timestamptz not null
        );

        create table commitment_dyads (
          commitment_id uuid primary key,
          dyad text not null
        );
      `,
    },
    {
      version: 2,
      name: 'article_sources',
      // Where each fact was read, for exports: the article's address and title.
      sql: `
        create table article_sources (
          article_id uuid primary key,
          url text,
          title text not null,
          published_at date not null
        );
      `,
    },
    {
      version: 3,
      name: 'lazy_current_views',
      // The projection only counts changes (`version`); the view is folded when first read after
      // one and kept with the version it saw, so a burst of events costs one fold, not one each.
      sql: `
        alter table relationships alter column view drop not null;
        alter table relationships add column version bigint not null default 0;
        alter table relationships add column view_version bigint not null default 0;
      `,
    },
    {
      version: 4,
      name: 'views_served_as_stored',
      // json, not jsonb: rows and views are read whole, and jsonb spends most of a read turning
      // itself back into text (about 20 µs a row). known_at is the knowledge time the domain
      // reads (metadata.recordedAt), so that a knownAt query fetches only what it can see. The
      // summary columns serve the listing without opening the views; a view with no view_as_of
      // is folded again when next read.
      sql: `
        alter table relationship_facts add column known_at timestamptz;
        update relationship_facts set known_at = coalesce((metadata->>'recordedAt')::timestamptz, recorded_at);
        alter table relationship_facts alter column known_at set not null,
          alter column data type json using data::json,
          alter column metadata type json using metadata::json;
        alter table relationships alter column view type json using view::json,
          add column view_as_of date,
          add column meeting_count integer,
          add column commitment_count integer,
          add column open_tensions integer,
          add column score double precision;
      `,
    },
  ],
};
