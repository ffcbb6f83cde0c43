import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { sendWebhook, type WebhookMessage } from '../../../libs/subscriptions/src/infrastructure/http-webhook-sender';
import { ForbiddenAddressError } from '../../../libs/subscriptions/src/infrastructure/guarded-lookup';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('sendWebhook (loopback receiver)', () => {
  let server: Server;
  let port: number;
  const seen: Array<{ url: string; headers: Record<string, string>; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen.push({ url: request.url ?? '', headers: request.headers as Record<string, string>, body });
        if (request.url === '/moved') response.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
        else if (request.url === '/slow') setTimeout(() => response.writeHead(200).end(), 2_000);
        else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const message = (path: string, overrides: Partial<WebhookMessage> = {}): WebhookMessage => ({
    url: `http://127.0.0.1:${port}${path}`,
    secret,
    messageId: 'msg_test_1',
    body: JSON.stringify({ type: 'commitment.changed', data: { n: 1 } }),
    timeoutMs: 1_000,
    allowPrivate: true,
    signal: new AbortController().signal,
    ...overrides,
  });

  it('should send a body the Standard Webhooks library verifies when the receiver accepts', async () => {
    expect(await sendWebhook(message('/ok'))).toBe(204);
    const request = seen.find((entry) => entry.url === '/ok')!;
    expect(new Webhook(secret).verify(request.body, request.headers)).toEqual({ type: 'commitment.changed', data: { n: 1 } });
    expect(request.headers['webhook-id']).toBe('msg_test_1');
  });

  it('should not follow a redirect when the receiver answers 302', async () => {
    expect(await sendWebhook(message('/moved'))).toBe(302);
    expect(seen.some((entry) => entry.url === '/elsewhere')).toBe(false);
  });

  it('should fail within the deadline when the receiver is slower', async () => {
    const started = Date.now();
    await expect(sendWebhook(message('/slow', { timeoutMs: 300 }))).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]', '[::ffff:127.0.0.1]'])(
    'should refuse to connect to %s when private addresses are not allowed',
    async (host) => {
      const before = seen.length;
      await expect(sendWebhook(message('/ok', { url: `http://${host}:${port}/ok`, allowPrivate: false }))).rejects.toBeInstanceOf(
        ForbiddenAddressError,
      );
      expect(seen.length).toBe(before);
    },
  );
});
