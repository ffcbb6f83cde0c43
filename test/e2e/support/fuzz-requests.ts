import fc from 'fast-check';

// One generated request. `known` asks the runner to put an id it has seen answered (an article
// or a fact) where `{known}` stands in the path, so that deep paths are reached too.
export interface FuzzRequest {
  readonly endpoint: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly known?: 'article' | 'fact';
  // Writes whose acceptance would be stored; the runner checks the log against them.
  readonly write?: 'article' | 'article-retraction' | 'fact-retraction' | 'webhook';
}

export type Credential = 'admin' | 'reader' | 'none' | 'wrong';

const INJECTIONS = [
  "' OR 1=1 --",
  "'; drop table events; --",
  '" or ""="',
  '1; select pg_sleep(10)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\ud800',
  '🇷🇺🇸🇾',
  'ṙ̷̡̛͈ͅu̵',
  '\u202e',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(40),
  '{}',
  '[]',
  '__proto__',
  'constructor',
];
const DYADS = ['RU-SY', 'SY-RU', 'ru-sy', 'FR-DE', 'RU-RU', 'XX-YY', 'R-SY', 'RU_SY', 'RU-SY-TR', 'RUS-SYR', '-', '', 'ZZ-AA', 'US-CN', 'us-cn'];
const DATES = [
  '2025-10-15',
  '2025-02-30',
  '2024-02-29',
  '0000-00-00',
  '9999-12-31',
  '2025-13-01',
  '2025-10-15T12:00:00Z',
  '2025-10-15T25:61:00+02:00',
  '2025-10-15T12:00:00',
  '1970-01-01',
  '-001000-01-01',
  '+275760-09-13',
  '2025-1-5',
  'yesterday',
  '1760486400000',
];
const POSITIONS = ['1.1', '0.0', '18446744073709551615.9223372036854775807', '99999999999999999999.9999999999999999999', '1', '1.', '.1', '1.2.3', '-1.5', 'abc', '1e3.1'];
const EVENT_IDS = ['0', '1', '1.1', '-1', '', 'abc', '99999999999999999999999.1', '\u0000', '1\r\nx: y', '1'.repeat(64), '1'.repeat(65), '12.34.56'];
const COUNTRIES = ['France', 'Germany', 'Russia', 'Syria', 'China', 'Brazil', 'Japan', 'Egypt', 'Turkey', 'India'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'text/plain; charset=latin1',
  'text/html',
  'text/markdown',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '',
  'garbage',
];

const word = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(word, fc.jsonValue({ maxDepth: 4 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const date = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: word });
const dyad = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DYADS) }, { weight: 1, arbitrary: word });
const uuid = fc.oneof({ weight: 2, arbitrary: fc.uuid() }, { weight: 1, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000') });
// URLs carry UTF-8: a lone surrogate cannot be encoded, so it becomes U+FFFD first.
const encode = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
const segment = (value: fc.Arbitrary<string>) => value.map(encode);

// Text that the extractor turns into facts, so that accepted articles write to relationships.
const articleText = fc
  .tuple(fc.constantFrom(...COUNTRIES), fc.constantFrom(...COUNTRIES), fc.constantFrom('met in', 'held talks in', 'signed a trade agreement in'), fc.constantFrom('Paris', 'Moscow', 'Cairo'), word)
  .map(([a, b, verb, city, tail]) => `${a} and ${b} ${verb} ${city} on Monday. ${tail}`);

function query(parts: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entries = Object.entries(parts).map(([key, value]) => fc.option(value.map((v) => `${key}=${encode(v)}`), { nil: undefined }));
  return fc
    .tuple(fc.tuple(...entries), fc.option(word.map((v) => `${encode(v)}=${encode(v)}`), { nil: undefined, freq: 8 }))
    .map(([chosen, extra]) => {
      const all = [...chosen, extra].filter((item): item is string => item !== undefined);
      return all.length ? `?${all.join('&')}` : '';
    });
}

const validArticle = fc
  .tuple(articleText, fc.constantFrom('2025-05-15', '2024-12-01', '2025-10-15'), fc.integer({ min: 0, max: 1e9 }))
  .map(([text, publishedAt, n]) => ({ title: `Article ${n}`, text: `${text} (${n})`, publishedAt }));
const randomArticle = fc.record(
  {
    title: fc.oneof(word, anyValue),
    text: fc.oneof({ weight: 4, arbitrary: articleText }, { weight: 2, arbitrary: word }, { weight: 1, arbitrary: anyValue }),
    publishedAt: fc.oneof(date, anyValue),
    url: fc.oneof(fc.webUrl(), word, anyValue),
    language: fc.oneof(fc.constantFrom('fr', 'en', 'de', 'xx', ''), anyValue),
    source: fc.oneof(word, anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
// Mostly one field wrong at a time, so that refusals come from each check and not only the first.
const articleObject = fc.oneof(
  { weight: 2, arbitrary: validArticle },
  { weight: 4, arbitrary: fc.tuple(validArticle, randomArticle).chain(([valid, random]) => fc.subarray(Object.keys(random), { minLength: 1, maxLength: 1 }).map((keys) => ({ ...valid, ...Object.fromEntries(keys.map((key) => [key, (random as Record<string, unknown>)[key]])) }))) },
  { weight: 2, arbitrary: randomArticle },
);

const rawBody = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"title":', 'null', '"text"', '[1,2', '\u0000\u0001\u0002') },
  // Over the article limit, and over the body parser's.
  { weight: 1, arbitrary: fc.constantFrom(1_048_577, 2_200_000).map((size) => JSON.stringify({ title: 't', text: 'a'.repeat(size), publishedAt: '2025-10-15' })) },
);

const jsonBody = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ body: JSON.stringify(v), type: 'application/json' }));
const anyBody = fc.oneof(
  { weight: 2, arbitrary: jsonBody(anyValue) },
  { weight: 1, arbitrary: fc.record({ body: rawBody, type: fc.constantFrom(...CONTENT_TYPES) }) },
);
const retractionBody = fc.oneof({ weight: 3, arbitrary: jsonBody(fc.record({ reason: fc.oneof(word, anyValue) }, { requiredKeys: [] })) }, { weight: 1, arbitrary: anyBody });

interface Shape {
  endpoint: string;
  method: string;
  path: string;
  body?: { body: string; type: string };
  headers?: Record<string, string>;
  known?: 'article' | 'fact';
  write?: FuzzRequest['write'];
}

const shapes: Array<{ weight: number; arbitrary: fc.Arbitrary<Shape> }> = [
  { weight: 10, arbitrary: jsonBody(articleObject).map((body) => ({ endpoint: 'POST /v1/articles', method: 'POST', path: '/v1/articles', body, write: 'article' as const })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.oneof(articleText, rawBody), fc.constantFrom(...CONTENT_TYPES), query({ title: word, publishedAt: date }))
      .map(([body, type, q]) => ({ endpoint: 'POST /v1/articles (raw)', method: 'POST', path: `/v1/articles${q}`, body: { body, type }, write: 'article' as const })),
  },
  { weight: 3, arbitrary: fc.tuple(segment(uuid), query({ minPosition: fc.constantFrom(...POSITIONS) })).map(([id, q]) => ({ endpoint: 'GET /v1/articles/:id', method: 'GET', path: `/v1/articles/${id}${q}` })) },
  { weight: 1, arbitrary: fc.constant({ endpoint: 'GET /v1/articles/:id', method: 'GET', path: '/v1/articles/{known}', known: 'article' as const }) },
  { weight: 2, arbitrary: fc.tuple(segment(uuid), retractionBody).map(([id, body]) => ({ endpoint: 'POST /v1/articles/:id/retractions', method: 'POST', path: `/v1/articles/${id}/retractions`, body, write: 'article-retraction' as const })) },
  { weight: 1, arbitrary: retractionBody.map((body) => ({ endpoint: 'POST /v1/articles/:id/retractions', method: 'POST', path: '/v1/articles/{known}/retractions', body, known: 'article' as const, write: 'article-retraction' as const })) },
  { weight: 3, arbitrary: query({ country: fc.oneof(fc.constantFrom('RU', 'ru', 'R', 'RUS', 'XX'), word) }).map((q) => ({ endpoint: 'GET /v1/relationships', method: 'GET', path: `/v1/relationships${q}` })) },
  {
    weight: 5,
    arbitrary: fc.tuple(segment(dyad), query({ asOf: date, knownAt: date, minPosition: fc.constantFrom(...POSITIONS) })).map(([d, q]) => ({ endpoint: 'GET /v1/relationships/:dyad', method: 'GET', path: `/v1/relationships/${d}${q}` })),
  },
  { weight: 3, arbitrary: fc.tuple(segment(dyad), query({ from: date, to: date, minPosition: fc.constantFrom(...POSITIONS) })).map(([d, q]) => ({ endpoint: 'GET /v1/relationships/:dyad/timeline', method: 'GET', path: `/v1/relationships/${d}/timeline${q}` })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(segment(dyad), query({ status: fc.oneof(fc.constantFrom('made', 'fulfilled', 'broken', 'MADE'), word), category: fc.oneof(fc.constantFrom('energy', 'trade', 'other', 'Energy'), word) }))
      .map(([d, q]) => ({ endpoint: 'GET /v1/relationships/:dyad/commitments', method: 'GET', path: `/v1/relationships/${d}/commitments${q}` })),
  },
  { weight: 2, arbitrary: segment(uuid).map((id) => ({ endpoint: 'GET /v1/commitments/:id', method: 'GET', path: `/v1/commitments/${id}` })) },
  { weight: 2, arbitrary: fc.tuple(segment(uuid), retractionBody).map(([id, body]) => ({ endpoint: 'POST /v1/facts/:id/retractions', method: 'POST', path: `/v1/facts/${id}/retractions`, body, write: 'fact-retraction' as const })) },
  { weight: 1, arbitrary: retractionBody.map((body) => ({ endpoint: 'POST /v1/facts/:id/retractions', method: 'POST', path: '/v1/facts/{known}/retractions', body, known: 'fact' as const, write: 'fact-retraction' as const })) },
  {
    weight: 2,
    arbitrary: query({ format: fc.oneof(fc.constantFrom('plover', 'cameo', 'PLOVER'), word), output: fc.oneof(fc.constantFrom('csv', 'jsonl', 'xml'), word), from: date, to: date }).map((q) => ({
      endpoint: 'GET /v1/export',
      method: 'GET',
      path: `/v1/export${q}`,
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(query({ dyad, category: word, status: word, lastEventId: fc.constantFrom(...EVENT_IDS) }), fc.option(fc.oneof(fc.constantFrom(...EVENT_IDS), word), { nil: undefined }))
      .map(([q, lastEventId]) => ({
        endpoint: 'GET /v1/subscriptions/commitments',
        method: 'GET',
        path: `/v1/subscriptions/commitments${q}`,
        headers: lastEventId === undefined || /[\r\n\u0000]|[^\u0020-\u00ff]/.test(lastEventId) ? {} : { 'last-event-id': lastEventId },
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ url: fc.oneof(fc.webUrl(), fc.constantFrom('http://127.0.0.1/x', 'http://[::1]/', 'http://169.254.169.254/latest', 'http://10.0.0.1/', 'file:///etc/passwd', 'gopher://x'), word), secret: fc.oneof(word, anyValue), filter: fc.oneof(anyValue, fc.record({ dyad, category: word, status: word }, { requiredKeys: [] })) }, { requiredKeys: [] })
      .chain((value) => fc.oneof(jsonBody(fc.constant(value)), anyBody))
      .map((body) => ({ endpoint: 'POST /v1/webhooks', method: 'POST', path: '/v1/webhooks', body, write: 'webhook' as const })),
  },
  { weight: 1, arbitrary: segment(uuid).map((id) => ({ endpoint: 'DELETE /v1/webhooks/:id', method: 'DELETE', path: `/v1/webhooks/${id}` })) },
  { weight: 1, arbitrary: fc.tuple(segment(uuid), query({ state: word, limit: fc.oneof(fc.constantFrom('0', '1', '500', '501', '-1', '1.5', '1e3'), word) })).map(([id, q]) => ({ endpoint: 'GET /v1/webhooks/:id/deliveries', method: 'GET', path: `/v1/webhooks/${id}/deliveries${q}` })) },
  { weight: 1, arbitrary: fc.tuple(segment(uuid), segment(word)).map(([id, delivery]) => ({ endpoint: 'POST /v1/webhooks/:id/deliveries/:id/retry', method: 'POST', path: `/v1/webhooks/${id}/deliveries/${delivery}/retry` })) },
  { weight: 1, arbitrary: fc.constantFrom('/health', '/metrics', '/docs/openapi.json').map((path) => ({ endpoint: `GET ${path}`, method: 'GET', path })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), fc.constantFrom('/v1/articles', '/v1/relationships', '/v1/facts', '/v1/webhooks', '/', '/v2/x', '/v1/relationships/RU-SY/timeline'), fc.array(segment(word), { maxLength: 3 }), anyBody)
      .map(([method, base, rest, body]) => ({ endpoint: 'other', method, path: [base, ...rest].join('/').replace(/\/+/g, '/'), body: method === 'GET' || method === 'OPTIONS' ? undefined : body })),
  },
];

const credential = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Credential>('admin') },
  { weight: 2, arbitrary: fc.constant<Credential>('reader') },
  { weight: 1, arbitrary: fc.constant<Credential>('none') },
  { weight: 1, arbitrary: fc.constant<Credential>('wrong') },
);

export function fuzzRequests(keys: Record<'admin' | 'reader', string>): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(fc.oneof(...shapes), credential, word).map(([shape, who, wrong]) => {
    const headers: Record<string, string> = { ...shape.headers };
    if (shape.body) headers['content-type'] = shape.body.type;
    if (who === 'admin' || who === 'reader') headers.authorization = `Bearer ${keys[who]}`;
    if (who === 'wrong') headers['x-api-key'] = encode(wrong) || 'x';
    if (!headers['content-type']) delete headers['content-type'];
    return { endpoint: shape.endpoint, method: shape.method, path: shape.path, headers, body: shape.body?.body, known: shape.known, write: shape.write };
  });
}
