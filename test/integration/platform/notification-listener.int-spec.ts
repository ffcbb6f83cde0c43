import { EVERY_KEY, PostgresDatabase } from '@dyad/platform';
import { describePostgres } from '@dyad/platform/testing/database-harness';
import { waitUntil } from '@dyad/platform/testing/wait-until';

describePostgres('Notification listener [postgres]', (harness) => {
  it('should listen again after its connection drops, and tell handlers that anything may have changed', async () => {
    const database = await PostgresDatabase.connect(harness().url);
    const heard: string[] = [];
    try {
      await database.listen('dyad_listener_spec', (payload) => heard.push(payload));
      await database.query(`select pg_notify('dyad_listener_spec', 'before')`);
      await waitUntil('the first notification', () => heard.includes('before'), 5_000);

      await database.query(`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN "dyad_listener_spec"'`);
      await waitUntil('the listener to come back', () => heard.includes(EVERY_KEY), 10_000);
      await database.query(`select pg_notify('dyad_listener_spec', 'after')`);
      await waitUntil('a notification after the drop', () => heard.includes('after'), 5_000);
      expect(heard).toEqual(['before', EVERY_KEY, 'after']);
    } finally {
      await database.close();
    }
  });
});
