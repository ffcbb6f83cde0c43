import { DATABASE, type Database } from '@dyad/platform';
import fc from 'fast-check';
import { startDyadServer, type DyadServer } from './support/dyad-server';
import { fuzzRequests, type FuzzRequest } from './support/fuzz-requests';
import { request } from './support/http';

const KEYS = { admin: 'fuzz-admin-key-5e4d3c2b1a', reader: 'fuzz-reader-key-0a1b2c3d4e', ingest: 'fuzz-ingest-key-9f8e7d6c5b' };
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CONCURRENCY = 4;
const SEED = Date.now() % 2 ** 31;

interface Outcome {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly body: unknown;
}

// What the log must hold afterwards: exactly what the accepted writes reported.
class Accepted {
  readonly articles = new Set<string>();
  readonly facts: string[] = [];
  readonly factRetractions = new Set<string>();
  articleRetractions = 0;
  factsRetractedWithArticles = 0;

  record({ request: sent, status, body }: Outcome): void {
    if (status >= 300 || typeof body !== 'object' || body === null) return;
    const answer = body as Record<string, any>;
    if (sent.write === 'article' && typeof answer.articleId === 'string') {
      this.articles.add(answer.articleId);
      for (const fact of answer.events ?? []) this.facts.push(fact.id);
    }
    if (sent.write === 'fact-retraction') this.factRetractions.add(answer.retractionId);
    if (sent.write === 'article-retraction') {
      this.articleRetractions++;
      this.factsRetractedWithArticles += answer.retractedFacts;
    }
  }

  known(kind: 'article' | 'fact'): string {
    const pool = kind === 'article' ? [...this.articles] : this.facts;
    return pool.length ? pool[Math.floor(Math.random() * pool.length)] : '00000000-0000-4000-8000-000000000000';
  }
}

async function send(baseUrl: string, sent: FuzzRequest, accepted: Accepted): Promise<Outcome> {
  const path = sent.known ? sent.path.replace('{known}', accepted.known(sent.known)) : sent.path;
  const abort = new AbortController();
  const response = await fetch(new URL(path, baseUrl), { method: sent.method, headers: sent.headers, body: sent.body, signal: abort.signal });
  // An open event stream never ends: its status and headers are the answer.
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    abort.abort();
    return { request: sent, status: response.status, body: null };
  }
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { request: sent, status: response.status, body: json && text ? JSON.parse(text) : text };
}

function hasErrorShape(body: unknown): boolean {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    /^[A-Z]+\.[A-Z_]+$/.test(error.code) &&
    typeof error.message === 'string' &&
    typeof error.details === 'object' &&
    error.details !== null &&
    typeof (error.details as { requestId?: unknown }).requestId === 'string'
  );
}

describe('bad input (fast-check, embedded, keys set)', () => {
  let dyad: DyadServer;
  beforeAll(async () => {
    dyad = await startDyadServer({
      DYAD_API_KEYS: `${KEYS.admin}:admin;${KEYS.reader}:read;${KEYS.ingest}:ingest`,
      DYAD_RATE_LIMIT_PER_KEY: '0',
      DYAD_RATE_LIMIT_PER_ADDRESS: '0',
      // A well-formed position beyond the log waits this long, then answers 503 as documented.
      DYAD_READ_WAIT_MS: '20',
    });
  });
  afterAll(() => dyad.close());

  it(`should answer ${RUNS} generated requests without a 5xx, every refusal in the error shape, and store nothing refused`, async () => {
    const requests = fc.sample(fuzzRequests(KEYS), { numRuns: RUNS, seed: SEED });
    const accepted = new Accepted();
    const faults: Outcome[] = [];
    const misshapen: Outcome[] = [];
    const byEndpoint = new Map<string, number>();
    let notCaughtUp = 0;
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const outcome = await send(dyad.baseUrl, requests[next++], accepted);
        byEndpoint.set(outcome.request.endpoint, (byEndpoint.get(outcome.request.endpoint) ?? 0) + 1);
        accepted.record(outcome);
        const code = (outcome.body as { error?: { code?: string } } | null)?.error?.code;
        if (outcome.status === 503 && code === 'PLATFORM.NOT_CAUGHT_UP') notCaughtUp++;
        else if (outcome.status >= 500) faults.push(outcome);
        if (outcome.status >= 400 && !hasErrorShape(outcome.body)) misshapen.push(outcome);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const describe = (outcome: Outcome) => ({
      status: outcome.status,
      method: outcome.request.method,
      path: outcome.request.path.slice(0, 200),
      contentType: outcome.request.headers['content-type'],
      sent: outcome.request.body?.slice(0, 200),
      body: JSON.stringify(outcome.body).slice(0, 300),
    });
    console.log(
      `fuzz: seed=${SEED} requests=${requests.length} 5xx=${faults.length} not_caught_up_503=${notCaughtUp} misshapen=${misshapen.length} ` +
        `articles=${accepted.articles.size} endpoints=${JSON.stringify(Object.fromEntries(byEndpoint))}`,
    );
    // One example of each kind of failure, so that a run names every defect it found.
    const oneOfEach = (outcomes: Outcome[]) => [
      ...new Map(outcomes.map((outcome) => [`${outcome.request.endpoint} ${outcome.status}`, describe(outcome)])).values(),
    ];
    expect(oneOfEach(faults)).toEqual([]);
    expect(oneOfEach(misshapen)).toEqual([]);

    // Healthy afterwards: probes answer and an ordinary article goes in.
    expect((await request(dyad.baseUrl, 'GET', '/health')).status).toBe(200);
    const after = await request(dyad.baseUrl, 'POST', '/v1/articles', {
      json: { title: 'After', text: `Egypt and Japan met in Cairo on Monday. ${SEED}`, publishedAt: '2025-05-15' },
      headers: { authorization: `Bearer ${KEYS.ingest}` },
    });
    expect(after.status).toBe(201);
    accepted.record({ request: { endpoint: '', method: 'POST', path: '', headers: {}, write: 'article' }, status: 201, body: after.body });

    // Nothing stored from a refused request: the log holds exactly what accepted writes reported.
    const database = dyad.app.get<Database>(DATABASE);
    const { rows: articles } = await database.query<{ id: string }>(
      `select data->>'articleId' as id from events where type = 'ArticleIngested'`,
    );
    expect(articles.map((row) => row.id).sort()).toEqual([...accepted.articles].sort());
    const { rows: counts } = await database.query<{ analyst: string[]; with_articles: number; article_retractions: number }>(
      `select coalesce(array_agg(event_id::text) filter (where type = 'FactRetracted' and metadata->>'articleId' is null), '{}') as analyst,
              (count(*) filter (where type = 'FactRetracted' and metadata->>'articleId' is not null))::int as with_articles,
              (count(*) filter (where type = 'ArticleRetracted'))::int as article_retractions
       from events`,
    );
    expect([...counts[0].analyst].sort()).toEqual([...accepted.factRetractions].sort());
    expect(counts[0].article_retractions).toBe(accepted.articleRetractions);
    expect(counts[0].with_articles).toBe(accepted.factsRetractedWithArticles);
  }, 600_000);
});
