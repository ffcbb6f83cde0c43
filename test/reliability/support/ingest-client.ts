import { setTimeout as sleep } from 'node:timers/promises';
import type { TemplateArticle } from './article-template';

export interface Ack {
  readonly articleId: string;
  readonly status: number;
  readonly position: string | null;
  // The relationship facts the write reports (the same ones for a duplicate).
  readonly events: ReadonlyArray<{ readonly id: string; readonly dyad: string }>;
}

// Sends one article until an answer acknowledges it, as a careful client does: a dropped
// connection (the API was killed) or a 503 is retried; the same text answers 200 duplicate if
// the first try had in fact been stored.
export async function ingestUntilAcknowledged(
  baseUrl: () => string,
  article: TemplateArticle,
  onAttempt: (status: number | 'error') => void = () => undefined,
): Promise<Ack> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${baseUrl()}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: article.title, text: article.text, publishedAt: article.publishedAt }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<Ack>;
      onAttempt(response.status);
      if ((response.status === 201 || response.status === 200) && body.articleId) {
        return { articleId: body.articleId, status: response.status, position: body.position ?? null, events: body.events ?? [] };
      }
      if (response.status < 500 && response.status !== 409 && response.status !== 429) {
        throw new Error(`article ${article.index} refused with ${response.status}: ${JSON.stringify(body)}`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('article ')) throw error;
      onAttempt('error');
    }
    await sleep(Math.min(50 * attempt, 1_000));
  }
}
