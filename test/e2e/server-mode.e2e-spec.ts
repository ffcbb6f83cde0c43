import { describePostgres } from '@dyad/platform/testing/database-harness';
import { describeKafka } from '@dyad/platform/testing/kafka-harness';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { corpusArticle, submission } from './support/corpus';
import { startDyadServer, startDyadWorker, type DyadServer } from './support/dyad-server';
import { request } from './support/http';

// The server shape: an API process that only writes the log and reads the read models, and a
// worker process whose relay publishes to Kafka and whose read models consume from it.
describePostgres('Server mode: API and worker apart, over PostgreSQL and Kafka [postgres]', (database) => {
  describeKafka('server mode end to end', (kafka) => {
    let api: DyadServer;
    let worker: INestApplicationContext;
    let env: Record<string, string>;

    beforeAll(async () => {
      env = {
        DATABASE_URL: database().url,
        KAFKA_BROKERS: kafka().brokers.join(','),
        // Topics and groups of their own: suites sharing a broker see none of each other's events.
        KAFKA_NAMESPACE: `e2e-${randomBytes(4).toString('hex')}.`,
      };
      api = await startDyadServer(env, { worker: false });
      worker = await startDyadWorker(env);
    });
    afterAll(async () => {
      await api?.close();
      await worker?.close();
    });

    it('should show the facts of an article posted to the API once the worker has projected them from Kafka', async () => {
      const posted = await request(api.baseUrl, 'POST', '/v1/articles', { json: submission(corpusArticle('seed', 'seed-ru-sy')) });
      expect(posted.status).toBe(201);
      expect(posted.body.events).toHaveLength(6);
      const state = await request(api.baseUrl, 'GET', `/v1/relationships/RU-SY?minPosition=${posted.body.position}`);
      expect(state.status).toBe(200);
      expect(state.body.meetings.count).toBe(1);
      expect(state.body.commitments).toHaveLength(3);
      expect(state.body.openTensions).toBe(1);
      const health = await request(api.baseUrl, 'GET', '/health');
      expect(health.body).toEqual(expect.objectContaining({ status: 'ok', store: { kind: 'postgres', ok: true } }));
      expect(health.body.transport.kind).toBe('kafka');
    });

    it('should follow a commitment through a chain of articles when each is read with its position', async () => {
      let position = '';
      for (const id of ['dev-06', 'dev-08', 'dev-10', 'dev-11']) {
        const posted = await request(api.baseUrl, 'POST', '/v1/articles', { json: submission(corpusArticle('dev', id)) });
        expect(posted.status).toBe(201);
        position = posted.body.position;
      }
      const state = await request(api.baseUrl, 'GET', `/v1/relationships/UA-US?minPosition=${position}`);
      const expected = corpusArticle('dev', 'dev-11').expected.state[0];
      expect(state.body.meetings.count).toBe(expected.meetings);
      expect(state.body.openTensions).toBe(expected.openTensions);
      expect(state.body.commitments.map((c: { category: string; status: string }) => `${c.category}:${c.status}`).sort()).toEqual(
        expected.commitments.map((c) => `${c.category}:${c.status}`).sort(),
      );
    });
  });
});
