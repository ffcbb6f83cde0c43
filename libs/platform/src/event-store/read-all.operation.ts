import type { SqlExecutor } from '../database/database.port';
import type { ReadAllOptions, StoredEvent } from './event-store.port';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEventRow } from './stored-event-row';

export const DEFAULT_READ_ALL_LIMIT = 1_000;

// The gap-free order of DESIGN §3. Positions are taken before commit, so a transaction can
// commit after one with a higher position is already visible: reading by position alone would
// step over it for good. Rows of transactions older than the oldest one still in flight
// (`pg_snapshot_xmin`) can no longer change; ordered by (transaction, position) a reader never
// has to go back. The cost: an open transaction holds back everything that commits after it.
const READ_ALL_SQL = `
select ${STORED_EVENT_COLUMNS} from events
where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  and (transaction_id, global_position) > ($1::xid8, $2::bigint)
order by transaction_id, global_position
limit $3`;

export async function readAll(executor: SqlExecutor, options: ReadAllOptions = {}): Promise<StoredEvent[]> {
  const after = options.after ?? { transactionId: 0n, globalPosition: 0n };
  const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
  const { rows } = await executor.query<StoredEventRow>(READ_ALL_SQL, [
    after.transactionId.toString(),
    after.globalPosition.toString(),
    limit,
  ], { name: 'dyad_read_all' });
  return rows.map(toStoredEvent);
}
