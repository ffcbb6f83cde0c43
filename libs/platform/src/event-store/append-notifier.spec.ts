import type { SqlExecutor } from '../database/database.port';
import { AppendNotifier } from './append-notifier';

describe('AppendNotifier', () => {
  it('should send one NOTIFY for a burst of appends and one more for those during it', async () => {
    const sent: string[] = [];
    let finish!: () => void;
    const executor: SqlExecutor = {
      query: async (sql: string) => {
        sent.push(sql);
        await new Promise<void>((resolve) => (finish = resolve));
        return { rows: [], rowCount: 1 };
      },
    };
    const notifier = new AppendNotifier(executor);
    notifier.notify();
    notifier.notify();
    notifier.notify();
    expect(sent).toHaveLength(1);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(2);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([expect.stringContaining("pg_notify('dyad_events'"), expect.stringContaining("pg_notify('dyad_events'")]);
  });

  it('should keep notifying when a NOTIFY fails', async () => {
    let calls = 0;
    const executor: SqlExecutor = {
      query: async () => {
        calls += 1;
        throw new Error('connection lost');
      },
    };
    const notifier = new AppendNotifier(executor);
    notifier.notify();
    await new Promise((resolve) => setImmediate(resolve));
    notifier.notify();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(2);
  });
});
