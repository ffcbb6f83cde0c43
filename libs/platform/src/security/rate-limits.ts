import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { DyadConfig } from '../config/config.schema';
import type { ApiKey } from './api-keys';
import { identifyRequest } from './presented-key';

const MINUTE_MS = 60_000;

// Two budgets per minute: a caller with a valid key spends its key's (shared by every address
// that uses it); anyone else spends their address's, so that guessing keys is slow too.
// A limit of 0 turns that budget off.
export function rateLimits(config: DyadConfig, keys: readonly ApiKey[]): ThrottlerModuleOptions {
  const keyOf = (context: ExecutionContext) => identifyRequest(keys, context.switchToHttp().getRequest<FastifyRequest>());
  return {
    throttlers: [
      {
        name: 'key',
        ttl: MINUTE_MS,
        limit: config.DYAD_RATE_LIMIT_PER_KEY,
        skipIf: (context) => config.DYAD_RATE_LIMIT_PER_KEY === 0 || keyOf(context) === null,
        getTracker: (request) => `key:${identifyRequest(keys, request as FastifyRequest)?.id ?? ''}`,
      },
      {
        name: 'address',
        ttl: MINUTE_MS,
        limit: config.DYAD_RATE_LIMIT_PER_ADDRESS,
        skipIf: (context) => config.DYAD_RATE_LIMIT_PER_ADDRESS === 0 || keyOf(context) !== null,
        getTracker: (request) => `address:${(request as FastifyRequest).ip}`,
      },
    ],
  };
}
