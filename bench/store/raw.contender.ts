import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { ContenderFactory } from './contender';
import { WRITERS } from './workload';

// The floor: the same rows, one INSERT … SELECT FROM unnest(…) per batch (prepared, like Dyad's),
// no version check, into a table with nothing but its position key; then one SELECT of
// everything in order.
const INSERT_SQL = `
insert into raw_events (event_id, stream_id, stream_position, type, data, metadata)
select e.event_id::uuid, e.stream_id, e.stream_position, e.type, e.data::jsonb, e.metadata::jsonb
from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
  as e(event_id, stream_id, stream_position, type, data, metadata)`;

export const rawContender: ContenderFactory = {
  name: 'raw',
  description: 'one INSERT … SELECT FROM unnest(…) per batch into a plain table; one full SELECT',
  async open(url) {
    const pool = new Pool({ connectionString: url, max: WRITERS + 1 });
    // Idle clients still closing when the database is dropped report it here, not as a crash.
    pool.on('error', () => undefined);
    await pool.query(`
      create table raw_events (
        global_position bigserial primary key,
        event_id uuid not null,
        stream_id text not null,
        stream_position integer not null,
        type text not null,
        data jsonb not null,
        metadata jsonb not null
      )`);
    return {
      append: async (batch) => {
        await pool.query({
          name: 'raw_insert',
          text: INSERT_SQL,
          values: [
            batch.events.map(() => randomUUID()),
            batch.events.map(() => batch.streamId),
            batch.events.map((_, index) => batch.expectedVersion + index + 1),
            batch.events.map((event) => event.type),
            batch.events.map((event) => JSON.stringify(event.data)),
            batch.events.map((event) => JSON.stringify(event.metadata)),
          ],
        });
      },
      readAll: async () => {
        const { rows } = await pool.query('select * from raw_events order by global_position');
        return rows.length;
      },
      close: () => pool.end(),
    };
  },
};
