import type { SqlExecutor } from '../database/database.port';
import type { LogCheckpoint } from '../event-store/event-store.port';

// A relay's row in `relay_checkpoints`: its place in the log and the lease that lets one process
// at a time move it. Every write names the owner, so a process whose lease another has taken
// can neither move the checkpoint nor extend the lease: it learns it lost and steps down.
// Times come from the database clock, the one clock all workers share.
export class RelayLease {
  constructor(
    private readonly executor: SqlExecutor,
    private readonly relay: string,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  // Null while another owner holds the lease; else where to resume (null: from the start).
  async acquire(): Promise<{ checkpoint: LogCheckpoint | null } | null> {
    const { rows } = await this.executor.query<{ transaction_id: bigint; global_position: bigint }>(
      `insert into relay_checkpoints as r (relay, owner, lease_expires_at)
       values ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
       on conflict (relay) do update
         set owner = excluded.owner, lease_expires_at = excluded.lease_expires_at
         where r.owner = excluded.owner or r.owner is null or r.lease_expires_at < clock_timestamp()
       returning transaction_id, global_position`,
      [this.relay, this.owner, this.leaseMs],
    );
    if (rows.length === 0) return null;
    const checkpoint = { transactionId: BigInt(rows[0].transaction_id), globalPosition: BigInt(rows[0].global_position) };
    return { checkpoint: checkpoint.globalPosition === 0n ? null : checkpoint };
  }

  // False when the lease is no longer this owner's.
  async renew(): Promise<boolean> {
    const { rowCount } = await this.executor.query(
      `update relay_checkpoints set lease_expires_at = clock_timestamp() + $3 * interval '1 millisecond'
       where relay = $1 and owner = $2`,
      [this.relay, this.owner, this.leaseMs],
    );
    return rowCount > 0;
  }

  // Moves the checkpoint and renews the lease; false when the lease is no longer this owner's.
  async save(checkpoint: LogCheckpoint): Promise<boolean> {
    const { rowCount } = await this.executor.query(
      `update relay_checkpoints
       set transaction_id = $3::xid8, global_position = $4, updated_at = clock_timestamp(),
           lease_expires_at = clock_timestamp() + $5 * interval '1 millisecond'
       where relay = $1 and owner = $2`,
      [this.relay, this.owner, checkpoint.transactionId.toString(), checkpoint.globalPosition.toString(), this.leaseMs],
    );
    return rowCount > 0;
  }

  // A clean stop hands over at once instead of making the next relay wait for the lease to lapse.
  async release(): Promise<void> {
    await this.executor.query(
      'update relay_checkpoints set owner = null, lease_expires_at = null where relay = $1 and owner = $2',
      [this.relay, this.owner],
    );
  }
}
