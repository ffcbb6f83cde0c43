import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

// One pino logger per process; Nest's own messages go through it too, so every line is JSON.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'dyad' },
    // Credentials must never reach a log line.
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'headers.authorization'],
  });
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  // `logger.error({ err, requestId }, 'what happened')` through Nest's Logger arrives here as
  // (object, text, context): the object's fields go into the line, the text is its message.
  error(message: unknown, trace?: string, context?: string): void {
    // A failed start reaches runMain, which says it once, in one line (with the stack only for
    // a defect); Nest's own report of it would repeat it as a stack trace.
    if (context === 'ExceptionHandler' || trace === 'ExceptionHandler') return;
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      this.logger.error({ context, ...message }, trace ?? 'error');
    } else {
      this.logger.error({ context, trace, err: message instanceof Error ? message : undefined }, String(message));
    }
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

export const LOGGER = Symbol('LOGGER');
