import { compareLogCheckpoints, type LogCheckpoint } from '@dyad/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommitmentFeed } from './ports/commitment-feed.port';

// Read-your-writes for webhook commands: a registration answered 201 is listed, and a deletion
// answered 204 delivers nothing more, once the feed projection has read past them. Waits at
// most `timeoutMs`; past it the answer goes anyway (the write is in the log and will apply).
export async function awaitFeed(feed: CommitmentFeed, upTo: LogCheckpoint | null, timeoutMs: number): Promise<void> {
  if (!upTo) return;
  const deadline = Date.now() + timeoutMs;
  for (let delayMs = 2; Date.now() < deadline; delayMs = Math.min(delayMs * 2, 100)) {
    if (compareLogCheckpoints(await feed.projectedUpTo(), upTo) >= 0) return;
    await sleep(delayMs);
  }
}
