import { startDyadServer, type DyadServer } from './support/dyad-server';
import { request } from './support/http';

const INGEST = 'ingest-key-5f0c1e2d3b4a';
const READER = 'reader-key-9a8b7c6d5e4f';
const ADMIN = 'admin-key-0f1e2d3c4b5a6';
const article = { title: 'Talks', text: 'France and Germany held talks in Paris on Monday.', publishedAt: '2025-05-15' };

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('access and rate limits (embedded, keys set)', () => {
  let dyad: DyadServer;
  beforeAll(async () => {
    dyad = await startDyadServer({
      DYAD_API_KEYS: `${INGEST}:ingest,read;${READER}:read;${ADMIN}:admin`,
      DYAD_RATE_LIMIT_PER_KEY: '40',
      DYAD_RATE_LIMIT_PER_ADDRESS: '30',
    });
  });
  afterAll(() => dyad.close());

  it('should answer 401 in the error shape when no key or an unknown key is sent', async () => {
    for (const headers of [{} as Record<string, string>, bearer('not-a-key-of-this-dyad'), { 'x-api-key': 'wrong' }, { authorization: 'Basic abc' }]) {
      const response = await request(dyad.baseUrl, 'GET', '/v1/relationships', { headers });
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({
        code: 'AUTH.UNAUTHENTICATED',
        message: expect.any(String),
        details: { requestId: expect.any(String) },
      });
    }
  });

  it('should let each scope do its part and answer 403 outside it', async () => {
    const ingested = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: article, headers: bearer(INGEST) });
    expect(ingested.status).toBe(201);
    const factId = ingested.body.events[0].id as string;
    expect((await request(dyad.baseUrl, 'GET', '/v1/relationships/DE-FR', { headers: { 'x-api-key': READER } })).status).toBe(200);
    expect((await request(dyad.baseUrl, 'GET', '/v1/export?output=jsonl', { headers: bearer(READER) })).status).toBe(200);

    const refused = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: { ...article, title: 'Again' }, headers: bearer(READER) });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual(expect.objectContaining({ code: 'AUTH.FORBIDDEN', details: expect.objectContaining({ requiredScope: 'ingest' }) }));
    const retraction = { json: { reason: 'misread' } };
    expect((await request(dyad.baseUrl, 'POST', `/v1/facts/${factId}/retractions`, { ...retraction, headers: bearer(INGEST) })).status).toBe(403);
    expect((await request(dyad.baseUrl, 'POST', `/v1/facts/${factId}/retractions`, { ...retraction, headers: bearer(ADMIN) })).status).toBe(201);
  });

  it('should open the commitment feed to a read key and keep webhooks for admin', async () => {
    const stream = new AbortController();
    const sse = await fetch(`${dyad.baseUrl}/v1/subscriptions/commitments`, { headers: bearer(READER), signal: stream.signal });
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    stream.abort();
    expect((await request(dyad.baseUrl, 'GET', '/v1/subscriptions/commitments')).status).toBe(401);
    const webhook = { json: { url: 'https://example.org/hook' }, headers: bearer(READER) };
    expect((await request(dyad.baseUrl, 'POST', '/v1/webhooks', webhook)).body.error.code).toBe('AUTH.FORBIDDEN');
  });

  it('should keep /health and /docs open and /metrics behind the read scope', async () => {
    expect((await request(dyad.baseUrl, 'GET', '/health')).status).toBe(200);
    const docs = await request(dyad.baseUrl, 'GET', '/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(docs.body.components.securitySchemes.bearer).toEqual(expect.objectContaining({ scheme: 'bearer' }));
    expect((await request(dyad.baseUrl, 'GET', '/docs')).body).toContain('swagger-ui');
    expect((await request(dyad.baseUrl, 'GET', '/metrics')).status).toBe(401);
    const metrics = await request(dyad.baseUrl, 'GET', '/metrics', { headers: bearer(READER) });
    expect(metrics.status).toBe(200);
    for (const name of [
      'dyad_articles_ingested_total',
      'dyad_extraction_duration_seconds',
      'dyad_event_append_duration_seconds',
      'dyad_relay_lag_events',
      'dyad_projection_lag_events',
      'dyad_sse_connections',
      'dyad_webhook_deliveries_total',
      'dyad_http_requests_total',
    ]) {
      expect(metrics.body).toContain(`# TYPE ${name} `);
    }
    expect(metrics.body).toMatch(/dyad_event_append_duration_seconds_count\{outcome="ok"\} [1-9]/);
    expect(metrics.body).not.toContain(READER);
  });

  it('should answer 429 with Retry-After in the error shape once a key or an address spent its minute', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof request<any>>> | undefined;
    for (let i = 0; i < 45 && !limited; i++) {
      const response = await request(dyad.baseUrl, 'GET', '/v1/relationships', { headers: bearer(ADMIN) });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(limited?.body.error).toEqual(expect.objectContaining({ code: 'REQUEST.RATE_LIMITED', details: expect.objectContaining({ per: 'key', limit: 40 }) }));
    // Another key still has its own budget; an address without a valid key has the address budget.
    expect((await request(dyad.baseUrl, 'GET', '/v1/relationships', { headers: bearer(READER) })).status).toBe(200);
    let anonymous = 0;
    for (let i = 0; i < 35; i++) {
      const response = await request(dyad.baseUrl, 'GET', '/v1/relationships', { headers: bearer(`guess-${i}`) });
      if (response.status === 429) break;
      anonymous++;
    }
    expect(anonymous).toBeLessThanOrEqual(30);
  });
});
