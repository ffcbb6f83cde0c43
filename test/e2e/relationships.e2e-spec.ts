import { DATABASE, EVENT_STORE, findReadModels, rebuildReadModel, type Database, type EventStore } from '@dyad/platform';
import { DiscoveryService } from '@nestjs/core';
import { get, type IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { corpusArticle, corpusFolder, submission, type CorpusArticle } from './support/corpus';
import { startDyadServer, type DyadServer } from './support/dyad-server';
import { request } from './support/http';

type Commitment = { promisor: string; beneficiary: string; category: string; status: string };
const commitmentKey = (c: Commitment) => `${c.promisor}>${c.beneficiary} ${c.category} ${c.status}`;

async function ingest(dyad: DyadServer, article: CorpusArticle): Promise<string> {
  const { status, body } = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: submission(article) });
  expect(status).toBe(201);
  return body.position;
}

describe('Relationship state over time (embedded)', () => {
  let dyad: DyadServer;
  beforeEach(async () => {
    dyad = await startDyadServer();
  });
  afterEach(() => dyad.close());

  it('should hold every expected state of the development corpus when its articles arrive in their chain order', async () => {
    // Chains touch disjoint dyads, so one pass in file order follows every `after` list.
    for (const article of corpusFolder('dev')) {
      const position = await ingest(dyad, article);
      for (const expected of article.expected.state) {
        const { body } = await request(dyad.baseUrl, 'GET', `/v1/relationships/${expected.dyad}?minPosition=${position}`);
        expect({ article: article.id, dyad: expected.dyad, meetings: body.meetings.count, open: body.openTensions }).toEqual({
          article: article.id,
          dyad: expected.dyad,
          meetings: expected.meetings,
          open: expected.openTensions,
        });
        expect(body.commitments.map(commitmentKey).sort()).toEqual(expected.commitments.map(commitmentKey).sort());
      }
    }
  });

  it('should answer asOf with valid time and knownAt with knowledge time when a late article changes the past', async () => {
    await ingest(dyad, corpusArticle('dev', 'dev-06')); // 2025-02-28 meeting, tension reported
    await ingest(dyad, corpusArticle('dev', 'dev-10')); // 2025-04-30 meeting
    await sleep(20);
    const beforeLateArticle = new Date().toISOString();
    await sleep(20);
    const position = await ingest(dyad, corpusArticle('dev', 'dev-08')); // late: 2025-03-11 meeting, tension eased
    const state = (query: string) => request(dyad.baseUrl, 'GET', `/v1/relationships/UA-US?minPosition=${position}&${query}`);

    expect((await state('')).body).toEqual(expect.objectContaining({ openTensions: 0 }));
    expect((await state('')).body.meetings.count).toBe(3);
    // Valid time: on 2025-03-05 the tension was open and only the February meeting had happened.
    const early = await state('asOf=2025-03-05');
    expect(early.body.meetings.count).toBe(1);
    expect(early.body.openTensions).toBe(1);
    // Knowledge time: before the late article arrived, March looked as it was then known.
    const known = await state(`asOf=2025-03-20&knownAt=${encodeURIComponent(beforeLateArticle)}`);
    expect(known.body.meetings.count).toBe(1);
    expect(known.body.openTensions).toBe(1);
    const now = await state('asOf=2025-03-20');
    expect(now.body.meetings.count).toBe(2);
    expect(now.body.openTensions).toBe(0);
  });

  it('should drop a retracted fact from then on while a knownAt before the retraction still shows it', async () => {
    const posted = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: submission(corpusArticle('seed', 'seed-ru-sy')) });
    const investment = posted.body.events.find((fact: { category?: string }) => fact.category === 'investment');
    await sleep(20);
    const beforeRetraction = new Date().toISOString();
    await sleep(20);

    const retracted = await request(dyad.baseUrl, 'POST', `/v1/facts/${investment.id}/retractions`, { json: { reason: 'misread' } });
    expect(retracted.status).toBe(201);
    const now = await request(dyad.baseUrl, 'GET', `/v1/relationships/RU-SY?minPosition=${retracted.body.position}`);
    expect(now.body.commitments.map((c: Commitment) => c.category).sort()).toEqual(['financial_support', 'military_basing']);
    const then = await request(dyad.baseUrl, 'GET', `/v1/relationships/RU-SY?knownAt=${encodeURIComponent(beforeRetraction)}`);
    expect(then.body.commitments).toHaveLength(3);

    expect((await request(dyad.baseUrl, 'POST', `/v1/facts/${investment.id}/retractions`, { json: { reason: 'again' } })).status).toBe(409);
    expect((await request(dyad.baseUrl, 'POST', '/v1/facts/0b9c2f0e-4a6c-4d44-8d5e-1f1f1f1f1f1f/retractions', { json: { reason: 'x' } })).status).toBe(404);
    expect((await request(dyad.baseUrl, 'POST', `/v1/facts/${investment.id}/retractions`, { json: {} })).status).toBe(400);
  });

  it('should retract every fact of a retracted article, and say so on the article', async () => {
    const posted = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: submission(corpusArticle('seed', 'seed-ru-sy')) });
    const retracted = await request(dyad.baseUrl, 'POST', `/v1/articles/${posted.body.articleId}/retractions`, { json: { reason: 'withdrawn by the outlet' } });
    expect(retracted.status).toBe(201);
    expect(retracted.body.retractedFacts).toBe(6);
    const state = await request(dyad.baseUrl, 'GET', `/v1/relationships/RU-SY?minPosition=${retracted.body.position}`);
    expect(state.body).toEqual(expect.objectContaining({ commitments: [], tensions: [], openTensions: 0 }));
    expect(state.body.meetings.count).toBe(0);
    const article = await request(dyad.baseUrl, 'GET', `/v1/articles/${posted.body.articleId}?minPosition=${retracted.body.position}`);
    expect(article.body.retractedAt).toEqual(expect.any(String));
    expect(article.body.facts.every((fact: { retractedAt: string | null }) => fact.retractedAt !== null)).toBe(true);
    expect((await request(dyad.baseUrl, 'POST', `/v1/articles/${posted.body.articleId}/retractions`, { json: { reason: 'again' } })).status).toBe(409);
  });

  it('should list dyads, a timeline, filtered commitments, one commitment, and an export', async () => {
    for (const id of ['dev-02', 'dev-04', 'dev-07']) await ingest(dyad, corpusArticle('dev', id));
    const position = await ingest(dyad, corpusArticle('seed', 'seed-ru-sy'));
    const list = await request(dyad.baseUrl, 'GET', `/v1/relationships`);
    await request(dyad.baseUrl, 'GET', `/v1/relationships/RU-SY?minPosition=${position}`);
    expect((await request(dyad.baseUrl, 'GET', `/v1/relationships`)).body.map((r: { dyad: string }) => r.dyad).sort()).toEqual(
      ['CN-IR', 'CN-SA', 'IR-SA', 'RU-SY'],
    );
    expect(list.status).toBe(200);
    const timeline = await request(dyad.baseUrl, 'GET', '/v1/relationships/IR-SA/timeline?from=2023-03-01&to=2023-12-31');
    const dates = timeline.body.facts.map((fact: { occurredAt: string }) => fact.occurredAt);
    expect(dates).toEqual([...dates].sort());
    const fulfilled = await request(dyad.baseUrl, 'GET', '/v1/relationships/SA-IR/commitments?status=fulfilled');
    expect(fulfilled.body.commitments.map(commitmentKey).sort()).toEqual([
      'IR>SA diplomatic_support fulfilled',
      'SA>IR diplomatic_support fulfilled',
    ]);
    const one = await request(dyad.baseUrl, 'GET', `/v1/commitments/${fulfilled.body.commitments[0].id}`);
    expect(one.body.history.map((entry: { status: string }) => entry.status)).toEqual(['made', 'fulfilled']);
    expect(one.body.history[1].evidence.quote).toEqual(expect.any(String));
    const csv = await request(dyad.baseUrl, 'GET', '/v1/export?format=cameo&from=2023-01-01&to=2023-12-31');
    const [header, ...rows] = (csv.body as string).trim().split('\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['actor', 'recipient', 'type', 'mode', 'goldstein', 'date', 'sourceUrl', 'quote']));
    expect(rows.length).toBeGreaterThan(5);
    const jsonl = await request(dyad.baseUrl, 'GET', '/v1/export?format=plover&output=jsonl&from=2025-01-01');
    expect((jsonl.body as string).trim().split('\n').map((line) => JSON.parse(line).type)).toEqual(
      expect.arrayContaining(['CONSULT', 'AGREE']),
    );
  });

  it('should send the view now compressed to a client that accepts gzip, the same view as uncompressed', async () => {
    const position = await ingest(dyad, corpusArticle('seed', 'seed-ru-sy'));
    const plain = await rawGet(`/v1/relationships/RU-SY?minPosition=${position}`, {});
    const compressed = await rawGet('/v1/relationships/SY-RU', { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-type': 'application/json' });
    expect(JSON.parse(gunzipSync(compressed.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  async function rawGet(path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      get(new URL(path, dyad.baseUrl), { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  }

  it('should refuse malformed dyads, unknown countries and dates that are not dates', async () => {
    const cases: Array<[string, number, string]> = [
      ['/v1/relationships/RUSY', 400, 'RELATIONS.INVALID_DYAD'],
      ['/v1/relationships/RU-RU', 400, 'RELATIONS.INVALID_DYAD'],
      ['/v1/relationships/RU-XX', 422, 'RELATIONS.UNKNOWN_COUNTRY'],
      ['/v1/relationships/RU-SY?asOf=tomorrow', 400, 'REQUEST.INVALID'],
      ['/v1/relationships/RU-SY?knownAt=2025-02-30', 400, 'REQUEST.INVALID'],
      ['/v1/relationships/RU-SY?minPosition=abc', 400, 'REQUEST.INVALID'],
      ['/v1/relationships/RU-SY/commitments?status=kept', 400, 'REQUEST.INVALID'],
      ['/v1/relationships/FR-DE', 404, 'RELATIONS.DYAD_NOT_FOUND'],
      ['/v1/commitments/nope', 400, 'REQUEST.INVALID'],
      ['/v1/export?format=gdelt', 400, 'REQUEST.INVALID'],
    ];
    for (const [path, status, code] of cases) {
      const { status: actual, body } = await request(dyad.baseUrl, 'GET', path);
      expect({ path, status: actual, code: body.error?.code }).toEqual({ path, status, code });
    }
  });

  it('should rebuild every read model from the log into the same state as the live one', async () => {
    let position = '';
    for (const id of ['dev-06', 'dev-08', 'dev-10', 'dev-11']) position = await ingest(dyad, corpusArticle('dev', id));
    const live = await request(dyad.baseUrl, 'GET', `/v1/relationships/UA-US?minPosition=${position}&asOf=2025-12-31`);
    const readModels = findReadModels(dyad.app.get(DiscoveryService));
    expect(readModels.map((readModel) => readModel.name).sort()).toEqual(expect.arrayContaining(['articles', 'relationships']));
    for (const readModel of readModels) {
      await rebuildReadModel(dyad.app.get<Database>(DATABASE), dyad.app.get<EventStore>(EVENT_STORE), readModel);
    }
    const rebuilt = await request(dyad.baseUrl, 'GET', '/v1/relationships/UA-US?asOf=2025-12-31');
    expect({ ...rebuilt.body, knownAt: null }).toEqual({ ...live.body, knownAt: null });
  });
});
