import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DYAD_CONFIG } from '../config/config.schema';
import { API_KEYS, ApiKeyGuard } from './api-key.guard';
import { ApiKeysModule } from './api-keys.module';
import { RateLimitGuard } from './rate-limit.guard';
import { rateLimits } from './rate-limits';

// Access control and rate limits for every HTTP route. The rate limit runs first, so that
// requests with wrong keys are counted against their address before they are refused.
@Module({
  imports: [ApiKeysModule, ThrottlerModule.forRootAsync({ imports: [ApiKeysModule], inject: [DYAD_CONFIG, API_KEYS], useFactory: rateLimits })],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }, { provide: APP_GUARD, useClass: ApiKeyGuard }],
})
export class SecurityModule {}
