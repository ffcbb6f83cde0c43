import type { NextFunction, Request, Response } from 'express';
import type { DyadMetrics } from './dyad-metrics';

// Counts every answer by route pattern (never the raw path: ids would make a label per request).
export function httpMetricsMiddleware(metrics: DyadMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => record(metrics, request, response, started));
    next();
  };
}

function record(metrics: DyadMetrics, request: Request, response: Response, started: bigint): void {
  const pattern: unknown = (request.route as { path?: unknown } | undefined)?.path;
  const route = typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : request.path.startsWith('/docs') ? '/docs' : 'unmatched';
  metrics.httpRequests.inc({ method: request.method, route, status: String(response.statusCode) });
  metrics.httpDuration.observe({ method: request.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
}
