import { KafkaTransport, TOPICS, type TransportMessage, type TransportSubscription } from '@dyad/platform';
import { describePostgres } from '@dyad/platform/testing/database-harness';
import { describeKafka } from '@dyad/platform/testing/kafka-harness';
import { waitUntil } from '@dyad/platform/testing/wait-until';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { corpusArticle, submission } from './support/corpus';
import { startDyadServer, startDyadWorker, type DyadServer } from './support/dyad-server';
import { request } from './support/http';
import { openSse } from './support/sse-client';
import { startWebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

// Two API instances and a worker apart, over PostgreSQL and Kafka: a subscriber of one API
// instance hears of an article posted to the other, a webhook registered on one is listed on the
// other, and the change reaches dyad.commitment-changes.v1 keyed by commitment.
describePostgres('Subscriptions in server mode [postgres]', (database) => {
  describeKafka('subscriptions across API instances', (kafka) => {
    let writer: DyadServer;
    let reader: DyadServer;
    let worker: INestApplicationContext;
    let topic: KafkaTransport;
    let consumer: TransportSubscription;
    const published: TransportMessage[] = [];

    beforeAll(async () => {
      const namespace = `e2e-${randomBytes(4).toString('hex')}.`;
      const env = {
        DATABASE_URL: database().url,
        KAFKA_BROKERS: kafka().brokers.join(','),
        KAFKA_NAMESPACE: namespace,
        DYAD_WEBHOOK_ALLOW_PRIVATE: 'true',
      };
      writer = await startDyadServer(env, { worker: false });
      reader = await startDyadServer(env, { worker: false });
      worker = await startDyadWorker(env);
      topic = await KafkaTransport.connect({ brokers: kafka().brokers, clientId: 'e2e-reader', namespace });
      consumer = await topic.consume({
        groupId: `e2e-${randomBytes(4).toString('hex')}`,
        topics: [TOPICS.commitmentChanges],
        handleBatch: async (messages) => void published.push(...messages),
      });
    });
    afterAll(async () => {
      await consumer?.stop();
      await topic?.close();
      await writer?.close();
      await reader?.close();
      await worker?.close();
    });

    it('should stream to a subscriber of one API instance the changes of an article posted to another, and publish them keyed by commitment', async () => {
      const receiver = await startWebhookReceiver();
      const webhook = await request(writer.baseUrl, 'POST', '/v1/webhooks', { json: { url: receiver.url, filter: { dyad: 'RU-SY' } } });
      const subscriber = await openSse(`${reader.baseUrl}/v1/subscriptions/commitments?dyad=RU-SY`);
      try {
        const posted = await request(writer.baseUrl, 'POST', '/v1/articles', { json: submission(corpusArticle('seed', 'seed-ru-sy')) });
        expect(posted.status).toBe(201);
        const events = await subscriber.waitForEvents(3, 30_000);
        expect(events.map((event) => event.data.category).sort()).toEqual(['financial_support', 'investment', 'military_basing']);

        await waitUntil('the changes on the Kafka topic', () => published.length >= 3, 30_000);
        for (const event of events) {
          const message = published.find((entry) => entry.headers?.['dyad-position'] === event.id);
          expect(message?.key).toBe(event.data.commitmentId);
          expect(JSON.parse(message!.value)).toEqual(event.data);
        }

        await waitUntil('three webhook deliveries', () => receiver.received.length >= 3, 30_000);
        for (const delivery of receiver.received) {
          expect(() => new Webhook(webhook.body.secret).verify(delivery.body, delivery.headers as Record<string, string>)).not.toThrow();
        }
        await waitUntil('the deliveries listed on the other instance', async () => {
          const listed = await request(reader.baseUrl, 'GET', `/v1/webhooks/${webhook.body.id}/deliveries?state=delivered`);
          return listed.body.deliveries?.length === 3;
        });
      } finally {
        subscriber.close();
        await receiver.close();
      }
    });
  });
});
