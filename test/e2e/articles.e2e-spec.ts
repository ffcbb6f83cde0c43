import { corpusArticle, submission } from './support/corpus';
import { startDyadServer, type DyadServer } from './support/dyad-server';
import { request } from './support/http';

const seed = corpusArticle('seed', 'seed-ru-sy');

describe('POST /v1/articles (embedded)', () => {
  let dyad: DyadServer;
  beforeAll(async () => {
    dyad = await startDyadServer();
  });
  afterAll(() => dyad.close());

  it('should answer 201 with the six gold facts and their evidence when the seed article is posted', async () => {
    const { status, body } = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: submission(seed) });
    expect(status).toBe(201);
    expect(body.duplicate).toBe(false);
    expect(body.language).toBe('fr');
    const keysOf = (fact: Record<string, unknown>) =>
      [fact.type, fact.dyad, fact.date ?? '', fact.country ?? '', fact.promisor ?? '', fact.beneficiary ?? '', fact.category ?? '', fact.scope ?? '', fact.locus ?? ''].join('|');
    const gold = seed.expected.events.map((event) => keysOf({ ...event, leader: undefined }));
    expect(body.events.map(keysOf).sort()).toEqual(gold.sort());
    for (const fact of body.events) {
      expect(seed.text.slice(fact.evidence.start, fact.evidence.end)).toBe(fact.evidence.quote);
      expect(fact.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof fact.cameo).toBe('string');
      expect(fact.plover.type).toEqual(expect.any(String));
    }
    expect(body.events.find((fact: { type: string }) => fact.type === 'DelegationListed').leader).toBe('Asaad Hassan al-Shaibani');
  });

  it('should answer 200 with duplicate:true and the same facts when the same article comes again', async () => {
    const first = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: submission(seed) });
    const again = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: { ...submission(seed), url: 'https://example.org/mirror' } });
    const sameUrl = await request(dyad.baseUrl, 'POST', '/v1/articles', {
      json: { ...submission(seed), text: `${seed.text}\nUpdate: no further comment.` },
    });
    for (const response of [first, again, sameUrl]) {
      expect(response.status).toBe(200);
      expect(response.body.duplicate).toBe(true);
      expect(response.body.articleId).toBe(first.body.articleId);
      expect(response.body.events.map((fact: { id: string }) => fact.id).sort()).toEqual(
        first.body.events.map((fact: { id: string }) => fact.id).sort(),
      );
    }
    const state = await request(dyad.baseUrl, 'GET', `/v1/relationships/SY-RU?minPosition=${first.body.position}`);
    expect(state.body.meetings.count).toBe(1);
    expect(state.body.commitments).toHaveLength(3);
  });

  it('should return the article with its facts when read with the position of its write', async () => {
    const posted = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: submission(seed) });
    const { status, body } = await request(dyad.baseUrl, 'GET', `/v1/articles/${posted.body.articleId}?minPosition=${posted.body.position}`);
    expect(status).toBe(200);
    expect(body.title).toBe(seed.title);
    expect(body.publishedAt).toBe('2025-10-15');
    expect(body.facts).toHaveLength(6);
    expect(body.facts.every((fact: { retractedAt: unknown }) => fact.retractedAt === null)).toBe(true);
  });

  it('should read a text/plain body with its title and date in the query, and reduce HTML to text', async () => {
    const text = 'Le président brésilien a rencontré mardi à Pékin le président chinois Xi Jinping.';
    const plain = await request(dyad.baseUrl, 'POST', '/v1/articles?title=Br%C3%A9sil%20Chine&publishedAt=2025-05-15', {
      body: text,
      contentType: 'text/plain; charset=utf-8',
    });
    expect(plain.status).toBe(201);
    expect(plain.body.events).toEqual([expect.objectContaining({ type: 'MeetingHeld', dyad: 'BR-CN', date: '2025-05-13' })]);
    const html = await request(dyad.baseUrl, 'POST', '/v1/articles?title=Japon&publishedAt=2025-05-15', {
      body: '<html><body><p>Japan and South Korea held talks in Seoul on Monday.</p><script>alert(1)</script></body></html>',
      contentType: 'text/html',
    });
    expect(html.status).toBe(201);
    const article = await request(dyad.baseUrl, 'GET', `/v1/articles/${html.body.articleId}?minPosition=${html.body.position}`);
    expect(article.body.text).not.toContain('<p>');
    expect(article.body.text).not.toContain('alert');
  });

  it('should refuse bad input with the error shape and store nothing from it', async () => {
    const before = await request(dyad.baseUrl, 'GET', '/v1/relationships');
    const valid = { title: 'A title', text: 'France and Germany met in Paris on Monday.', publishedAt: '2025-05-15' };
    const cases: Array<[string, Parameters<typeof request>[3], number, string]> = [
      ['empty text', { json: { ...valid, text: '' } }, 422, 'ARTICLES.EMPTY_TEXT'],
      ['whitespace text', { json: { ...valid, text: ' \n\t ' } }, 422, 'ARTICLES.EMPTY_TEXT'],
      ['text over 1 MB', { json: { ...valid, text: 'a'.repeat(1_048_577) } }, 413, 'ARTICLES.TOO_LARGE'],
      ['binary text', { json: { ...valid, text: 'abc\u0000\u0001def' } }, 422, 'ARTICLES.BINARY_TEXT'],
      ['publishedAt not a date', { json: { ...valid, publishedAt: 'yesterday' } }, 400, 'ARTICLES.INVALID_PUBLISHED_AT'],
      ['publishedAt in the future', { json: { ...valid, publishedAt: '2999-01-01' } }, 422, 'ARTICLES.PUBLISHED_IN_FUTURE'],
      ['unknown field', { json: { ...valid, extra: true } }, 400, 'REQUEST.INVALID'],
      ['wrong type', { json: { ...valid, title: 42 } }, 400, 'REQUEST.INVALID'],
      ['malformed JSON', { body: '{"title":', contentType: 'application/json' }, 400, 'REQUEST.INVALID'],
      ['wrong content type', { body: '<a/>', contentType: 'application/xml' }, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
      ['unsupported language', { json: { ...valid, text: 'Die Bundesregierung hat heute in Berlin neue Gespräche mit Frankreich angekündigt.' } }, 422, 'EXTRACTION.UNSUPPORTED_LANGUAGE'],
      ['invalid url', { json: { ...valid, url: 'ftp://example.org/x' } }, 400, 'ARTICLES.INVALID_URL'],
    ];
    for (const [name, options, status, code] of cases) {
      const response = await request(dyad.baseUrl, 'POST', '/v1/articles', options);
      expect({ name, status: response.status, code: response.body.error?.code }).toEqual({ name, status, code });
      expect(response.body.error.message).toEqual(expect.any(String));
      expect(response.body.error.details).toEqual(expect.objectContaining({ requestId: expect.any(String) }));
    }
    const after = await request(dyad.baseUrl, 'GET', '/v1/relationships');
    expect(after.body).toEqual(before.body);
    expect((await request(dyad.baseUrl, 'GET', '/v1/relationships/DE-FR')).status).toBe(404);
  });

  it('should answer 404 for an unknown article and 400 for a malformed id', async () => {
    expect((await request(dyad.baseUrl, 'GET', '/v1/articles/0b9c2f0e-4a6c-4d44-8d5e-1f1f1f1f1f1f')).body.error.code).toBe('ARTICLES.NOT_FOUND');
    expect((await request(dyad.baseUrl, 'GET', '/v1/articles/not-a-uuid')).status).toBe(400);
  });

  it('should resolve a spelling to its canonical name once an analyst adds it as an alias', async () => {
    const article = (day: string, weekday: string) => ({
      title: `Moscou et Ankara ${day}`,
      publishedAt: `2025-06-${day}`,
      text: `Le président russe Vladimir Poutine a rencontré ${weekday} à Ankara le président turc Recep Tayyip Erdogan. La délégation russe était conduite par le ministre des Affaires étrangères, Sergueï Lavrov.`,
    });
    const leaderOf = (body: { events: Array<{ type: string; leader?: string }> }) =>
      body.events.find((fact) => fact.type === 'DelegationListed')?.leader;
    const before = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: article('04', 'mardi') });
    expect(leaderOf(before.body)).toBe('Sergueï Lavrov');

    const added = await request(dyad.baseUrl, 'POST', '/v1/aliases', {
      json: { canonical: 'Sergei Lavrov', aliases: ['Sergueï Lavrov'], country: 'RU' },
    });
    expect(added.status).toBe(201);
    const after = await request(dyad.baseUrl, 'POST', '/v1/articles', { json: article('12', 'mercredi') });
    expect(leaderOf(after.body)).toBe('Sergei Lavrov');

    expect((await request(dyad.baseUrl, 'POST', '/v1/aliases', { json: { canonical: 'Sergei Lavrov', aliases: [] } })).status).toBe(400);
    const unknown = await request(dyad.baseUrl, 'POST', '/v1/aliases', { json: { canonical: 'A B', aliases: ['C D'], country: 'XX' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'EXTRACTION.UNKNOWN_COUNTRY']);
  });

  it('should answer /health with the store and the transport', async () => {
    const { status, body } = await request(dyad.baseUrl, 'GET', '/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', store: { kind: 'pglite', ok: true }, transport: { kind: 'in-process', ok: true } });
  });
});
