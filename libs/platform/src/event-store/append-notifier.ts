import type { SqlExecutor } from '../database/database.port';

export const EVENTS_CHANNEL = 'dyad_events';

// Tells live readers that the log grew, after the append committed and outside its transaction.
// A NOTIFY inside the append would take PostgreSQL's server-wide notification lock at commit and
// hold it through the WAL flush, so that every notifying commit of the server waits for the one
// before it. Here a burst of appends costs one NOTIFY at a time, in a transaction of its own that
// writes nothing. A NOTIFY lost with a crashing process only delays readers: they also poll.
export class AppendNotifier {
  private sending = false;
  private again = false;

  constructor(private readonly database: SqlExecutor) {}

  notify(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    this.database
      .query(`select pg_notify('${EVENTS_CHANNEL}', '')`, [], { name: 'dyad_notify_events' })
      .catch(() => undefined)
      .finally(() => {
        this.sending = false;
        if (!this.again) return;
        this.again = false;
        this.notify();
      });
  }
}
