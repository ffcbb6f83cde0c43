import { SubscriptionsError } from './subscriptions.errors';

// Standard Webhooks secrets: `whsec_` and the base64 of 24 to 64 random bytes.
const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function checkWebhookSecret(secret: string): string {
  const body = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : '';
  const bytes = BASE64.test(body) && body.length % 4 === 0 ? atob(body).length : 0;
  if (bytes < 24 || bytes > 64) {
    throw new SubscriptionsError(
      'SUBSCRIPTIONS.INVALID_WEBHOOK_SECRET',
      'A webhook secret is "whsec_" followed by the base64 of 24 to 64 bytes',
    );
  }
  return secret;
}

// `randomBytes` comes in: the domain draws no randomness of its own.
export function webhookSecretFrom(randomBytes: Uint8Array): string {
  return PREFIX + btoa(String.fromCharCode(...randomBytes));
}
