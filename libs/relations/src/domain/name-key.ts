// Comparison keys for names written by different articles: "Vostotchny"/"Vostochny" aside
// (the extractor canonicalises spellings), case, accents, punctuation and parenthesised
// glosses ("Vostochny Cosmodrome (Amur region)") must not make two names differ.
export function nameKey(name: string): string {
  let key = rememberedKeys.get(name);
  if (key === undefined) {
    key = keyOf(name);
    if (rememberedKeys.size >= MAX_REMEMBERED_KEYS) rememberedKeys.clear();
    rememberedKeys.set(name, key);
  }
  return key;
}

// The same few names recur in every fact of a dyad, and each view and decision reads them all
// again: their keys are remembered (a name's key never changes; the bound keeps memory flat).
const MAX_REMEMBERED_KEYS = 50_000;
const rememberedKeys = new Map<string, string>();

function keyOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// One name contains the other word for word ("Jeddah" and "Jeddah, Red Sea coast").
export function namesAgree(a: string, b: string): boolean {
  const [ka, kb] = [nameKey(a), nameKey(b)];
  if (ka === '' || kb === '') return false;
  return ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `);
}
