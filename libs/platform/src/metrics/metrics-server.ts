import { createServer, type Server } from 'node:http';
import type { DyadMetrics } from './dyad-metrics';

// A worker has no HTTP API, yet its relay, consumers and webhook deliveries are what an operator
// watches: it serves its own metrics, and only them, on DYAD_METRICS_PORT (loopback by default).
export async function startMetricsServer(metrics: DyadMetrics, host: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => response.writeHead(503).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  // The worker's consumers keep the process alive; the metrics alone must not.
  server.unref();
  return server;
}
