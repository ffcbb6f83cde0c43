import { Gauge } from 'prom-client';
import type { SqlExecutor } from '../database/database.port';
import { TOPICS } from '../transport/topics';
import type { DyadMetrics } from './dyad-metrics';

// Lags read from the database at scrape time, so that any API instance reports them whichever
// process runs the relay and the consumers. Both count events in the log's reading order
// (transaction id, position) after a checkpoint: cheap while the lag is small.
export function registerLogLagMetrics(metrics: DyadMetrics, database: SqlExecutor): void {
  const relayEvents = new Gauge({
    name: 'dyad_relay_lag_events',
    help: 'Events in the log that the relay has not yet published to the transport',
    registers: [metrics.registry],
  });
  new Gauge({
    name: 'dyad_relay_lag_seconds',
    help: 'Age of the oldest event the relay has not yet published (0 when none)',
    registers: [metrics.registry],
    async collect() {
      const { rows } = await database.query<{ pending: number; age: number | null }>(
        `select count(e.*)::int as pending, extract(epoch from clock_timestamp() - min(e.recorded_at))::float8 as age
         from events e
         where (e.transaction_id, e.global_position) > coalesce(
           (select (r.transaction_id, r.global_position) from relay_checkpoints r where r.relay = $1),
           ('0'::xid8, 0::bigint))`,
        [TOPICS.events],
      );
      relayEvents.set(rows[0]?.pending ?? 0);
      this.set(rows[0]?.age ?? 0);
    },
  });

  // A consumer's checkpoints are per stream; its newest one bounds what it has applied. Events
  // after it are behind (a partition that lags while others advance is under-counted).
  const projectionEvents = new Gauge({
    name: 'dyad_projection_lag_events',
    help: 'Events in the log after the newest one each read model (consumer) has applied',
    labelNames: ['read_model'] as const,
    registers: [metrics.registry],
  });
  new Gauge({
    name: 'dyad_projection_lag_seconds',
    help: 'Age of the oldest event after the newest one each read model (consumer) has applied (0 when none)',
    labelNames: ['read_model'] as const,
    registers: [metrics.registry],
    async collect() {
      const { rows } = await database.query<{ consumer: string; pending: number; age: number | null }>(
        `select c.consumer, lag.pending, lag.age
         from (select distinct consumer from consumer_checkpoints) c
         cross join lateral (
           select transaction_id, global_position from consumer_checkpoints n
           where n.consumer = c.consumer order by transaction_id desc, global_position desc limit 1
         ) newest
         cross join lateral (
           select count(*)::int as pending, extract(epoch from clock_timestamp() - min(e.recorded_at))::float8 as age
           from events e where (e.transaction_id, e.global_position) > (newest.transaction_id, newest.global_position)
         ) lag`,
      );
      projectionEvents.reset();
      this.reset();
      for (const row of rows) {
        projectionEvents.set({ read_model: row.consumer }, row.pending);
        this.set({ read_model: row.consumer }, row.age ?? 0);
      }
    },
  });
}
