import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { assertPublicHost, guardedLookup } from './guarded-lookup';

export interface WebhookMessage {
  readonly url: string;
  readonly secret: string;
  // `webhook-id`: the same on every attempt of one delivery.
  readonly messageId: string;
  readonly body: string;
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  readonly signal: AbortSignal;
}

const USER_AGENT = 'Dyad-Webhooks/1';
// Connections to a receiver are kept for the next delivery, but closed after 2 s idle: before
// the receiver's own idle timeout (5 s in Node, nginx and most others), so that a delivery never
// goes out on a connection the receiver is closing ("socket hang up").
const IDLE_MS = 2_000;
const agents = { http: new HttpAgent({ keepAlive: true, timeout: IDLE_MS }), https: new HttpsAgent({ keepAlive: true, timeout: IDLE_MS }) };

// One signed POST (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature over
// "id.timestamp.body"). Resolves the answer's status; redirects are answers like any other,
// never followed. The deadline covers connecting and the answer's headers.
export async function sendWebhook(message: WebhookMessage): Promise<number> {
  const target = new URL(message.url);
  if (!message.allowPrivate) await assertPublicHost(target.hostname);
  const timestamp = new Date();
  const signature = new Webhook(message.secret).sign(message.messageId, timestamp, message.body);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(message.body),
        'user-agent': USER_AGENT,
        'webhook-id': message.messageId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      agent: secure ? agents.https : agents.http,
      lookup: message.allowPrivate ? undefined : guardedLookup,
      signal: message.signal,
    });
    const timer = setTimeout(() => req.destroy(new Error(`timed out after ${message.timeoutMs} ms`)), message.timeoutMs);
    req.on('response', (response: IncomingMessage) => {
      clearTimeout(timer);
      // The body is not read for anything; draining it frees the socket for the next delivery.
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(message.body);
  });
}
