import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { ApiKey, Scope } from './api-keys';
import { grants } from './api-keys';
import { identifyRequest, presentedKey } from './presented-key';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './requires-scope.decorator';
import { ForbiddenScopeError, UnauthenticatedError } from './security.errors';

export const API_KEYS = Symbol('API_KEYS');

// Every route of the API when DYAD_API_KEYS is set: a known key with the route's scope, or 401
// (no key, or an unknown one) / 403 (a known key without the scope). Without keys Dyad only
// listens on loopback (listen-policy.ts) and lets every local caller through.
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: readonly ApiKey[],
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.keys.length === 0 || context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    // Deny by default: a route nobody classified is an administrator's.
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets) ?? 'admin';
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = identifyRequest(this.keys, request);
    if (!key) {
      throw new UnauthenticatedError(
        presentedKey(request) === null
          ? 'An API key is required: Authorization: Bearer <key> or x-api-key: <key>'
          : 'The API key is not valid',
      );
    }
    if (!grants(key, scope)) throw new ForbiddenScopeError({ requiredScope: scope });
    return true;
  }
}
