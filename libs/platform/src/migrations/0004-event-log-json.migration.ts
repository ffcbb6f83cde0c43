import type { Migration } from './migration';

// Events are written once and read whole, never searched inside: json keeps each one as the
// text that was appended (keys in their order) and hands it back as is, where jsonb spends
// most of a read rebuilding that text (about 20 µs an event).
export const eventLogJsonMigration: Migration = {
  version: 4,
  name: 'event_log_json',
  sql: `
    alter table events alter column data type json using data::json,
      alter column metadata type json using metadata::json,
      alter column metadata set default '{}'::json;
  `,
};
