import { waitUntil } from '@dyad/platform/testing/wait-until';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { corpusArticle, submission } from './support/corpus';
import { startDyadServer, type DyadServer } from './support/dyad-server';
import { request } from './support/http';
import { openSse, type SseClient } from './support/sse-client';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const seed = corpusArticle('seed', 'seed-ru-sy');
// A follow-up the rule-based extractor reads as the suspension of the seed's investment pledge.
const suspension = {
  title: 'Russia suspends investment in Syria',
  text: 'Russia has suspended its investment in Syria, the Kremlin said on Monday.',
  publishedAt: '2025-12-01',
};
const fast = { DYAD_WEBHOOK_ALLOW_PRIVATE: 'true', DYAD_WEBHOOK_RETRY_BASE_MS: '50', DYAD_WEBHOOK_RETRY_MAX_MS: '200' };

// Each test writes about its own pair of countries, so the specs share a server and not data.
function pledge(promisor: string, beneficiary: string, day: string) {
  return { title: `${promisor} pledge to ${beneficiary}`, text: `${promisor} promised to invest in ${beneficiary}, its president said on ${day}.`, publishedAt: day };
}
function suspend(promisor: string, beneficiary: string, day: string) {
  return { title: `${promisor} suspends`, text: `${promisor} has suspended its investment in ${beneficiary}, officials said on ${day}.`, publishedAt: day };
}

async function ingest(dyad: DyadServer, article: object) {
  const response = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: article });
  expect(response.status).toBe(201);
  return response.body;
}

jest.setTimeout(30_000);

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('commitment subscriptions (embedded)', () => {
  let dyad: DyadServer;
  const clients: SseClient[] = [];
  const receivers: WebhookReceiver[] = [];
  const sse = async (query: string, headers?: Record<string, string>) => {
    const client = await openSse(`${dyad.baseUrl}/v1/subscriptions/commitments${query}`, headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dyad = await startDyadServer({ ...fast, DYAD_SSE_HEARTBEAT_MS: '200' });
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await dyad.close();
  });

  it('should stream exactly the seed pledges and then the suspension when the seed and a follow-up are ingested', async () => {
    const client = await sse('?dyad=SY-RU');
    expect(client.status).toBe(200);
    await ingest(dyad, submission(seed));
    await ingest(dyad, suspension);
    const events = await client.waitForEvents(4);
    await settle();
    expect(client.events).toHaveLength(4);
    expect(events.every((event) => event.event === 'commitment.changed' && event.id === event.data.position)).toBe(true);
    expect(events.map((event) => [event.data.kind, event.data.category, event.data.from, event.data.to])).toEqual([
      ['made', 'investment', null, 'made'],
      ['made', 'financial_support', null, 'made'],
      ['made', 'military_basing', null, 'made'],
      ['status_changed', 'investment', 'made', 'suspended'],
    ]);
    const [investment, , , suspended] = events.map((event) => event.data);
    expect(suspended).toMatchObject({ commitmentId: investment.commitmentId, dyad: 'RU-SY', promisor: 'RU', beneficiary: 'SY', occurredAt: '2025-12-01' });
    expect(suspended.evidence.quote).toBe(suspension.text);
    expect(suspended.articleId).toEqual(expect.any(String));
    expect(Date.parse(suspended.recordedAt)).not.toBeNaN();
    expect(client.comments).toContain('heartbeat');
    expect((await request(dyad.baseUrl, 'GET', '/metrics')).body).toMatch(/dyad_sse_connections\{feed="commitments"\} [1-9]/);
  });

  it('should replay what was missed and nothing twice when a subscriber reconnects with Last-Event-ID', async () => {
    const first = await sse('?dyad=FR-LB');
    await ingest(dyad, pledge('France', 'Lebanon', '2025-10-01'));
    const [made] = await first.waitForEvents(1);
    first.close();

    await ingest(dyad, suspend('France', 'Lebanon', '2025-11-01'));
    await ingest(dyad, { title: 'France reaffirms', text: 'France reaffirmed its pledge to invest in Lebanon on Friday.', publishedAt: '2025-12-05' });
    const resumed = await sse('?dyad=FR-LB', { 'Last-Event-ID': made.id! });
    const missed = await resumed.waitForEvents(2);
    const byQuery = await sse(`?dyad=FR-LB&lastEventId=${made.id}`);
    await byQuery.waitForEvents(2);
    await ingest(dyad, { title: 'France delivers', text: 'France has fulfilled its promise to invest in Lebanon, officials said on Tuesday.', publishedAt: '2025-12-09' });
    await resumed.waitForEvents(3);
    await settle();

    expect(missed.map((event) => [event.data.kind, event.data.from, event.data.to])).toEqual([
      ['status_changed', 'made', 'suspended'],
      ['reaffirmed', 'suspended', 'reaffirmed'],
    ]);
    expect(resumed.events[2].data).toMatchObject({ kind: 'status_changed', from: 'reaffirmed', to: 'fulfilled' });
    const ids = resumed.events.map((event) => event.id);
    expect(ids).not.toContain(made.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(resumed.events).toHaveLength(3);
    expect(byQuery.events.map((event) => event.id)).toEqual(ids);
  });

  it('should answer 400 in the error shape when Last-Event-ID is malformed', async () => {
    const response = await request(dyad.baseUrl, 'GET', '/v1/subscriptions/commitments', { headers: { 'Last-Event-ID': 'yesterday' } });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'PLATFORM.INVALID_LOG_POSITION', message: expect.any(String) });
    const badFilter = await request(dyad.baseUrl, 'GET', '/v1/subscriptions/commitments?status=forgotten');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.code).toBe('REQUEST.INVALID');
  });

  it('should deliver the third attempt with a valid signature when the receiver fails twice then accepts', async () => {
    const receiver = await startWebhookReceiver((index) => (index < 2 ? 500 : 204));
    receivers.push(receiver);
    const created = await request(dyad.baseUrl, 'POST', '/v1/webhooks', { json: { url: receiver.url, filter: { dyad: 'DE-UA' } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), url: receiver.url, filter: { dyad: 'DE-UA' }, secret: expect.stringMatching(/^whsec_/) });

    await ingest(dyad, pledge('Germany', 'Ukraine', '2025-10-01'));
    await waitUntil('three attempts', () => receiver.received.length >= 3);
    await settle();
    expect(receiver.received).toHaveLength(3);
    const ids = receiver.received.map((entry) => entry.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);
    const third = receiver.received[2];
    const payload = new Webhook(created.body.secret).verify(third.body, third.headers as Record<string, string>) as any;
    expect(payload).toMatchObject({ type: 'commitment.changed', data: { dyad: 'DE-UA', kind: 'made', promisor: 'DE', to: 'made' } });

    const { body } = await request(dyad.baseUrl, 'GET', `/v1/webhooks/${created.body.id}/deliveries`);
    await waitUntil('the delivery recorded', async () => {
      const listed = await request(dyad.baseUrl, 'GET', `/v1/webhooks/${created.body.id}/deliveries`);
      return listed.body.deliveries[0]?.state === 'delivered';
    });
    const [delivery] = (await request(dyad.baseUrl, 'GET', `/v1/webhooks/${created.body.id}/deliveries`)).body.deliveries;
    expect(body.deliveries).toHaveLength(1);
    expect(delivery).toMatchObject({ id: payload.data.position, messageId: ids[0], state: 'delivered', attempts: 3 });
    expect(delivery.history.map((attempt: any) => [attempt.outcome, attempt.statusCode])).toEqual([
      ['failed', 500],
      ['failed', 500],
      ['delivered', 204],
    ]);

    const metrics = await request(dyad.baseUrl, 'GET', '/metrics');
    expect(metrics.body).toMatch(/dyad_webhook_deliveries_total\{outcome="failed"\} [1-9]/);
    expect(metrics.body).toMatch(/dyad_webhook_deliveries_total\{outcome="delivered"\} [1-9]/);

    const retried = await request(dyad.baseUrl, 'POST', `/v1/webhooks/${created.body.id}/deliveries/${delivery.id}/retry`);
    expect(retried.status).toBe(202);
    await waitUntil('the manual retry', () => receiver.received.length >= 4);
    expect(receiver.received[3].headers['webhook-id']).toBe(ids[0]);

    expect((await request(dyad.baseUrl, 'DELETE', `/v1/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await request(dyad.baseUrl, 'GET', `/v1/webhooks/${created.body.id}/deliveries`)).status).toBe(404);
    expect((await request(dyad.baseUrl, 'DELETE', `/v1/webhooks/${created.body.id}`)).status).toBe(404);
  });

  it('should dead-letter a delivery when every attempt fails', async () => {
    const receiver = await startWebhookReceiver(() => 503);
    receivers.push(receiver);
    const created = await request(dyad.baseUrl, 'POST', '/v1/webhooks', { json: { url: receiver.url, filter: { dyad: 'IT-TN' } } });
    await ingest(dyad, pledge('Italy', 'Tunisia', '2025-10-01'));
    await waitUntil('a dead letter', async () => {
      const listed = await request(dyad.baseUrl, 'GET', `/v1/webhooks/${created.body.id}/deliveries?state=dead`);
      return listed.body.deliveries.length === 1;
    });
    expect(receiver.received).toHaveLength(8);
  });
});

describe('webhook delivery across a worker restart (embedded, on disk)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-e2e-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('should deliver after the restart with the same webhook-id when the worker stopped mid-delivery', async () => {
    const env = { ...fast, DYAD_DATA_DIR: dataDir, DYAD_WEBHOOK_TIMEOUT_MS: '1000' };
    let accept = false;
    const receiver = await startWebhookReceiver(() => (accept ? 204 : 'hang'));
    try {
      const first = await startDyadServer(env);
      const created = await request(first.baseUrl, 'POST', '/v1/webhooks', { json: { url: receiver.url } });
      await ingest(first, pledge('Japan', 'Philippines', '2025-10-01'));
      await waitUntil('the first attempt', () => receiver.received.length === 1);
      await first.close();

      accept = true;
      const second = await startDyadServer(env);
      try {
        await waitUntil('the attempt after restart', () => receiver.received.length >= 2, 20_000);
        const [before, after] = receiver.received;
        expect(after.headers['webhook-id']).toBe(before.headers['webhook-id']);
        expect(new Webhook(created.body.secret).verify(after.body, after.headers as Record<string, string>)).toMatchObject({
          data: { dyad: 'JP-PH', kind: 'made' },
        });
      } finally {
        await second.close();
      }
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
