import { Webhook } from 'standardwebhooks';
import { SubscriptionsError } from './subscriptions.errors';
import { checkWebhookSecret, webhookSecretFrom } from './webhook-secret';

describe('webhook secrets', () => {
  it('should make a secret the Standard Webhooks library accepts when given random bytes', () => {
    const secret = webhookSecretFrom(new Uint8Array(24).fill(7));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(checkWebhookSecret(secret)).toBe(secret);
    expect(() => new Webhook(secret)).not.toThrow();
  });

  it.each(['', 'whsec_', 'secret', 'whsec_c2hvcnQ=', `whsec_${'A'.repeat(31)}`, `whsec_${btoa('x'.repeat(65))}`])(
    'should refuse %p when it is not whsec_ and the base64 of 24 to 64 bytes',
    (secret) => {
      expect(() => checkWebhookSecret(secret)).toThrow(SubscriptionsError);
    },
  );
});
