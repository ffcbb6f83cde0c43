import { randomFillSync } from 'node:crypto';

// RFC 9562 version 7: a 48-bit Unix time in milliseconds, then random bits. Event ids made this way
// arrive in about the order they are made, so the primary key of `events` grows at its right
// edge instead of touching (and logging a full image of) a random index page on each insert.
export function uuidV7(now: number = Date.now()): string {
  const bytes = randomFillSync(Buffer.alloc(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
