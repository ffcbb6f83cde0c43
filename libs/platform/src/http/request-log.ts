import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

const REQUEST_ID = /^[\w.-]{1,100}$/;

// A caller's x-request-id is kept when it is a plain token, so that its logs and ours share it.
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

// One line per request, written when it completes, with the request, the status and the time
// taken. Health probes and metric scrapes would drown the log.
export class RequestLog extends LogController {
  constructor() {
    super({ disableRequestLogging: (request) => request.url === '/health' || request.url === '/metrics' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
