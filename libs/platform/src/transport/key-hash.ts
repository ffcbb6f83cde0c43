// FNV-1a: cheap, stable across runs, spreads short ids well enough for a handful of members.
// Messages with one key (one stream) always land on the same member, or lane.
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
