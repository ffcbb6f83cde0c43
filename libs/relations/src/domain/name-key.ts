// Comparison keys for names written by different articles: "Vostotchny"/"Vostochny" aside
// (the extractor canonicalises spellings), case, accents, punctuation and parenthesised
// glosses ("Vostochny Cosmodrome (Amur region)") must not make two names differ.
export function nameKey(name: string): string {
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
