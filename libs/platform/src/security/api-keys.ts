import { createHash, timingSafeEqual } from 'node:crypto';

export const SCOPES = ['read', 'ingest', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

// A key as the guard knows it: the SHA-256 of the secret, never the secret itself, and a short
// fingerprint of it that logs and rate limits may name.
export interface ApiKey {
  readonly id: string;
  readonly digest: Buffer;
  readonly scopes: ReadonlySet<Scope>;
}

// A guessable key defeats the rest; 16 characters of a random token is the floor.
export const MIN_KEY_LENGTH = 16;

export class ApiKeyListError extends Error {}

// DYAD_API_KEYS: `secret:scope,scope;secret:scope`, e.g. `k3y…:ingest,read;r34d…:read`.
export function parseApiKeys(value: string): ApiKey[] {
  const entries = value.split(';').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new ApiKeyListError('holds no key');
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const colon = entry.lastIndexOf(':');
    const secret = colon > 0 ? entry.slice(0, colon) : '';
    const scopes = colon > 0 ? entry.slice(colon + 1).split(',').map((scope) => scope.trim()) : [];
    // Entries are named by position: the message must not echo a secret.
    const where = `entry ${index + 1}`;
    if (!secret || scopes.length === 0 || scopes[0] === '') throw new ApiKeyListError(`${where} is not key:scope[,scope]`);
    if (secret.length < MIN_KEY_LENGTH) throw new ApiKeyListError(`${where}: a key needs at least ${MIN_KEY_LENGTH} characters`);
    if (/\s/.test(secret)) throw new ApiKeyListError(`${where}: a key holds no whitespace`);
    const unknown = scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
    if (unknown.length > 0) throw new ApiKeyListError(`${where}: unknown scope ${unknown.join(', ')} (read, ingest, admin)`);
    const digest = digestOf(secret);
    const id = digest.toString('hex').slice(0, 12);
    if (seen.has(id)) throw new ApiKeyListError(`${where} repeats an earlier key`);
    seen.add(id);
    return { id, digest, scopes: new Set(scopes as Scope[]) };
  });
}

export function digestOf(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

// Finds the key a request presents. Digests have one length whatever was sent, so
// timingSafeEqual applies, and every key is compared: the time taken says nothing about which
// key, or how much of one, matched.
export function findApiKey(keys: readonly ApiKey[], presented: string): ApiKey | null {
  const digest = digestOf(presented);
  let found: ApiKey | null = null;
  for (const key of keys) {
    if (timingSafeEqual(key.digest, digest)) found = key;
  }
  return found;
}

// admin may do everything; ingest and read only what they name.
export function grants(key: ApiKey, scope: Scope): boolean {
  return key.scopes.has('admin') || key.scopes.has(scope);
}
