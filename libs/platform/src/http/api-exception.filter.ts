import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConcurrencyError } from '../event-store/event-store.errors';
import { errorBody, isCodedError } from './error-body';

// Statuses for the codes of every context; the app passes its own additions.
export type StatusByCode = Readonly<Record<string, number>>;

const PLATFORM_STATUSES: StatusByCode = {
  'REQUEST.INVALID': 400,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.TOO_LARGE': 413,
  'PLATFORM.VERSION_CONFLICT': 409,
  'PLATFORM.UNAVAILABLE': 503,
  'PLATFORM.NOT_CAUGHT_UP': 503,
  'PLATFORM.INVALID_LOG_POSITION': 400,
};

// Nest and body-parser raise HttpExceptions of their own (unknown route, malformed JSON, body too
// large); they are given codes so that every answer has the same shape.
const CODE_BY_HTTP_STATUS: Readonly<Record<number, string>> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
};

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');
  private readonly statuses: StatusByCode;

  constructor(statuses: StatusByCode = {}) {
    this.statuses = { ...PLATFORM_STATUSES, ...statuses };
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const requestId = String(request.id ?? '');
    if (response.sent) return;

    if (exception instanceof ConcurrencyError) {
      this.send(response, 409, exception.code, 'The relationship changed while this request was applied; try again', {
        requestId,
      });
      return;
    }
    if (isCodedError(exception)) {
      const status = this.statuses[exception.code] ?? this.statusFromSuffix(exception.code);
      if (status === 503) response.header('Retry-After', '1');
      this.send(response, status, exception.code, exception.message, { ...(exception.details ?? {}), requestId });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_HTTP_STATUS[status] ?? `HTTP.${status}`;
      this.send(response, status, code, this.describe(exception, request), { requestId });
      return;
    }
    this.logger.error({ err: exception, requestId }, 'Unhandled error');
    this.send(response, 500, 'INTERNAL', 'Internal error; the request id identifies it in the logs', { requestId });
  }

  // The convention of every context's codes: INVALID_* is a malformed request, *_NOT_FOUND an
  // unknown id, ALREADY_* a conflict with what is recorded; other refusals are 422.
  private statusFromSuffix(code: string): number {
    const reason = code.slice(code.indexOf('.') + 1);
    if (reason.startsWith('INVALID_')) return 400;
    if (reason.endsWith('NOT_FOUND')) return 404;
    if (reason.startsWith('ALREADY_') || reason.includes('_ALREADY_')) return 409;
    if (reason.endsWith('UNAVAILABLE')) return 503;
    return 422;
  }

  private describe(exception: HttpException, request: FastifyRequest): string {
    if (exception.getStatus() === 404) return `No route for ${request.method} ${request.url.split('?')[0]}`;
    const body = exception.getResponse();
    if (typeof body === 'object' && body && 'message' in body) {
      const message = (body as { message: unknown }).message;
      return Array.isArray(message) ? message.join('; ') : String(message);
    }
    return exception.message;
  }

  private send(response: FastifyReply, status: number, code: string, message: string, details: Record<string, unknown>): void {
    response.status(status).send(errorBody(code, message, details));
  }
}
