import type { SqlExecutor } from './database.port';

// PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more.
const MAX_PAYLOAD_LENGTH = 7_900;
// The payload that stands for every key: too many to name in one NOTIFY.
export const EVERY_KEY = '*';

// Tells listeners that something committed, after the commit and outside its transaction. A
// NOTIFY inside the transaction would take PostgreSQL's server-wide notification lock at commit
// and hold it through the WAL flush, so that every notifying commit of the server waits for the
// one before it. Here a burst of commits costs one NOTIFY at a time, in a transaction of its own
// that writes nothing, naming the keys (comma-separated) of everything announced meanwhile. A
// NOTIFY lost with a crashing process or a dropped connection is never sent again: listeners
// must not rely on it alone (they poll, or keep what they learn for a bounded time).
export class PostCommitNotifier {
  private sending = false;
  private pending: Set<string> | null = null;

  constructor(
    private readonly database: SqlExecutor,
    private readonly channel: string,
  ) {}

  notify(keys: Iterable<string> = []): void {
    this.pending ??= new Set();
    for (const key of keys) this.pending.add(key);
    if (!this.sending) this.sendPending();
  }

  private sendPending(): void {
    const keys = this.pending;
    if (!keys) return;
    this.pending = null;
    this.sending = true;
    this.database
      .query('select pg_notify($1, $2)', [this.channel, payloadOf(keys)], { name: 'dyad_post_commit_notify' })
      .catch(() => undefined)
      .finally(() => {
        this.sending = false;
        this.sendPending();
      });
  }
}

function payloadOf(keys: ReadonlySet<string>): string {
  const payload = [...keys].join(',');
  return payload.length > MAX_PAYLOAD_LENGTH ? EVERY_KEY : payload;
}
