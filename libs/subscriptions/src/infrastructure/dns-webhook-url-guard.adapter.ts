import { DYAD_CONFIG, type DyadConfig } from '@dyad/platform';
import { Inject, Injectable } from '@nestjs/common';
import { SubscriptionsError } from '../domain/subscriptions.errors';
import type { WebhookUrlGuard } from '../application/ports/webhook-url-guard.port';
import { assertPublicHost, ForbiddenAddressError } from './guarded-lookup';

// Registration-time check; delivery checks again (guardedLookup) since DNS answers change.
@Injectable()
export class DnsWebhookUrlGuard implements WebhookUrlGuard {
  constructor(@Inject(DYAD_CONFIG) private readonly config: DyadConfig) {}

  async check(url: string): Promise<void> {
    const target = parseWebhookUrl(url);
    if (this.config.DYAD_WEBHOOK_ALLOW_PRIVATE) return;
    try {
      await assertPublicHost(target.hostname);
    } catch (error) {
      if (error instanceof ForbiddenAddressError) {
        throw new SubscriptionsError('SUBSCRIPTIONS.WEBHOOK_URL_FORBIDDEN', `Webhook URL refused: ${error.message}`, {
          url,
          address: error.address,
        });
      }
      throw new SubscriptionsError('SUBSCRIPTIONS.WEBHOOK_URL_UNRESOLVABLE', `Webhook host ${target.hostname} does not resolve`, {
        url,
      });
    }
  }
}

export function parseWebhookUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw invalid(url, 'is not an absolute URL');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw invalid(url, 'must be http:// or https://');
  if (target.username || target.password) throw invalid(url, 'must not carry credentials');
  if (!target.hostname) throw invalid(url, 'has no host');
  return target;
}

function invalid(url: string, reason: string): SubscriptionsError {
  return new SubscriptionsError('SUBSCRIPTIONS.INVALID_WEBHOOK_URL', `Webhook URL ${reason}`, { url });
}
