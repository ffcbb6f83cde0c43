import type { SqlExecutor } from './database.port';
import { EVERY_KEY, PostCommitNotifier } from './post-commit-notifier';

// An executor whose queries wait until `finish` is called, recording each NOTIFY sent.
function heldExecutor() {
  const sent: Array<{ channel: unknown; payload: unknown }> = [];
  const waiting: Array<() => void> = [];
  const executor: SqlExecutor = {
    query: async (_sql: string, params?: readonly unknown[]) => {
      sent.push({ channel: params?.[0], payload: params?.[1] });
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { rows: [], rowCount: 1 };
    },
  };
  const finish = async () => {
    waiting.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { executor, sent, finish };
}

describe('PostCommitNotifier', () => {
  it('should send one NOTIFY for a burst and one more naming every key announced during it', async () => {
    const { executor, sent, finish } = heldExecutor();
    const notifier = new PostCommitNotifier(executor, 'dyad_test');
    notifier.notify(['RU-SY']);
    notifier.notify(['FR-DE']);
    notifier.notify(['CN-US', 'FR-DE']);
    expect(sent).toEqual([{ channel: 'dyad_test', payload: 'RU-SY' }]);
    await finish();
    expect(sent).toEqual([
      { channel: 'dyad_test', payload: 'RU-SY' },
      { channel: 'dyad_test', payload: 'FR-DE,CN-US' },
    ]);
    await finish();
    expect(sent).toHaveLength(2);
  });

  it('should send an empty payload when nothing is named', async () => {
    const { executor, sent } = heldExecutor();
    new PostCommitNotifier(executor, 'dyad_events').notify();
    expect(sent).toEqual([{ channel: 'dyad_events', payload: '' }]);
  });

  it('should stand for every key when the keys would not fit in one NOTIFY', async () => {
    const { executor, sent } = heldExecutor();
    new PostCommitNotifier(executor, 'dyad_test').notify(Array.from({ length: 2_000 }, (_, n) => `key-${n}`));
    expect(sent).toEqual([{ channel: 'dyad_test', payload: EVERY_KEY }]);
  });

  it('should keep notifying when a NOTIFY fails', async () => {
    let calls = 0;
    const executor: SqlExecutor = {
      query: async () => {
        calls += 1;
        throw new Error('connection lost');
      },
    };
    const notifier = new PostCommitNotifier(executor, 'dyad_test');
    notifier.notify();
    await new Promise((resolve) => setImmediate(resolve));
    notifier.notify();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(2);
  });
});
