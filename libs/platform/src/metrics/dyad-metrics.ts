import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Every metric Dyad exposes at /metrics, in one registry per application (tests run several
// applications in one process; prom-client's global registry would refuse the second).
// Contexts inject this class and use the metric that names what they measure.
export class DyadMetrics {
  readonly registry = new Registry();

  // articles: one count per POST /v1/articles, by what became of it.
  readonly articlesIngested = new Counter({
    name: 'dyad_articles_ingested_total',
    help: 'Articles submitted, by outcome: created, duplicate, refused (a 4xx), failed (anything else)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly extractionDuration = new Histogram({
    name: 'dyad_extraction_duration_seconds',
    help: 'Time to extract the candidate facts of one article, by extractor',
    labelNames: ['extractor'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  // event store
  readonly appendDuration = new Histogram({
    name: 'dyad_event_append_duration_seconds',
    help: 'Time of one append to the log (one transaction, one or more streams), by outcome: ok, conflict, error',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'dyad_events_appended_total',
    help: 'Events appended to the log by this process',
    registers: [this.registry],
  });

  // subscriptions: SSE streams open now, and webhook delivery attempts.
  readonly sseConnections = new Gauge({
    name: 'dyad_sse_connections',
    help: 'Server-Sent Events streams open on this process, by feed',
    labelNames: ['feed'] as const,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'dyad_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome: delivered, failed (will be retried), dead_lettered, refused (blocked address)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly webhookDeliveryDuration = new Histogram({
    name: 'dyad_webhook_delivery_duration_seconds',
    help: 'Time of one webhook delivery attempt, until the answer or the timeout',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  // HTTP
  readonly httpRequests = new Counter({
    name: 'dyad_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'dyad_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (to the first byte of a stream), by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dyad_' });
  }

  // Runs `work` and reports its duration, and its error if any, to `observe` (which picks the labels).
  async time<T>(observe: (seconds: number, error: unknown) => void, work: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await work();
      observe(elapsed(), null);
      return result;
    } catch (error) {
      observe(elapsed(), error);
      throw error;
    }
  }
}
