import type { LogCheckpoint, StoredEvent } from './event-store.port';
import { InvalidLogPositionError } from './event-store.errors';

// The public form of a checkpoint ("<transaction id>.<global position>"): SSE event ids,
// `?minPosition=`, stored consumer offsets. Opaque to clients, ordered like the log.
export function formatLogCheckpoint(checkpoint: LogCheckpoint): string {
  return `${checkpoint.transactionId}.${checkpoint.globalPosition}`;
}

const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

export function parseLogCheckpoint(value: string): LogCheckpoint {
  const match = /^(\d{1,20})\.(\d{1,19})$/.exec(value.trim());
  if (!match) throw new InvalidLogPositionError(value);
  const checkpoint = { transactionId: BigInt(match[1]), globalPosition: BigInt(match[2]) };
  // Beyond xid8 and bigint the database itself would refuse the value, as a 500.
  if (checkpoint.transactionId > MAX_XID8 || checkpoint.globalPosition > MAX_BIGINT) throw new InvalidLogPositionError(value);
  return checkpoint;
}

export function checkpointOf(event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): LogCheckpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

// Negative when `a` comes first in the reading order; null is before everything.
export function compareLogCheckpoints(a: LogCheckpoint | null, b: LogCheckpoint | null): number {
  if (!a || !b) return a === b ? 0 : a ? 1 : -1;
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition === b.globalPosition) return 0;
  return a.globalPosition < b.globalPosition ? -1 : 1;
}
