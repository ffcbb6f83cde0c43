import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DyadMetrics } from './dyad-metrics';

// Counts every answer by route pattern (never the raw path: ids would make a label per request).
export function recordHttpMetrics(metrics: DyadMetrics, request: FastifyRequest, reply: FastifyReply): void {
  const pattern = request.routeOptions.url;
  const route = pattern ?? (request.url.startsWith('/docs') ? '/docs' : 'unmatched');
  metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
  metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
}
