import type { FastifyRequest } from 'fastify';
import { type ApiKey, findApiKey } from './api-keys';

// What a request presents: `Authorization: Bearer <key>` or `x-api-key: <key>`.
export function presentedKey(request: FastifyRequest): string | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : null;
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header.length > 0 ? header : null;
}

const identified = new WeakMap<FastifyRequest, ApiKey | null>();

// The rate limiter and the access guard both need the key; it is looked up once per request.
export function identifyRequest(keys: readonly ApiKey[], request: FastifyRequest): ApiKey | null {
  if (identified.has(request)) return identified.get(request) ?? null;
  const presented = presentedKey(request);
  const key = presented === null ? null : findApiKey(keys, presented);
  identified.set(request, key);
  return key;
}
