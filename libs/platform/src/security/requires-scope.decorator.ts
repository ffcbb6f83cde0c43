import { SetMetadata } from '@nestjs/common';
import type { Scope } from './api-keys';

export const REQUIRED_SCOPE = 'dyad:required-scope';

// The scope a handler (or every handler of a controller) needs when DYAD_API_KEYS is set:
//   @RequiresScope('read') on queries and SSE, 'ingest' on POST /v1/articles, 'admin' on
//   retractions, webhooks, aliases and rebuilds. A route that declares nothing needs admin.
export const RequiresScope = (scope: Scope): ClassDecorator & MethodDecorator => SetMetadata(REQUIRED_SCOPE, scope);

export const PUBLIC_ROUTE = 'dyad:public-route';

// Open to anyone even when keys are set: liveness probes must not need a credential.
export const PublicRoute = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);
