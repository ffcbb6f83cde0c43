import type { MigrationSet } from '@dyad/platform';

// `article_keys` is written in the same transaction as the article's events: a url or a content
// hash seen once points at its article for ever, so a repeat is answered as a duplicate.
export const articlesMigrations: MigrationSet = {
  context: 'articles',
  migrations: [
    {
      version: 1,
      name: 'article_keys',
      sql: `
        create table article_keys (
          key text primary key,
          article_id uuid not null
        );
        create table article_view (
          article_id uuid primary key,
          title text not null,
          published_at date not null,
          url text,
          source text,
          language text not null,
          content_hash text not null,
          text text not null,
          fact_event_ids uuid[] not null,
          fact_streams text[] not null,
          recorded_at timestamptz not null,
          retracted_at timestamptz,
          retraction_reason text
        );
      `,
    },
  ],
};
