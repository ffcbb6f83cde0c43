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
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
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
