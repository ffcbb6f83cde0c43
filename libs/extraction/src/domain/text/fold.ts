// Matching runs on a folded copy of the text: lower case, no accents, straight quotes. Every
// character folds to exactly one character so offsets in the folded copy are offsets in the
// article, and evidence can quote the original.
const cache = new Map<string, string>();

function foldChar(char: string): string {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  let folded: string;
  if (char === '\u2019' || char === '\u2018' || char === '\u02bc') folded = "'";
  else if (char === '\u00ab' || char === '\u00bb' || char === '\u201c' || char === '\u201d') folded = '"';
  else if (char === '\u2013' || char === '\u2014' || char === '\u2011') folded = '-';
  else if (char === '\u00a0' || char === '\u202f') folded = ' ';
  else {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded = base.length === 1 ? base : char.toLowerCase().length === 1 ? char.toLowerCase() : char;
  }
  cache.set(char, folded);
  return folded;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII fast path: the bulk of any article.
    if (code < 128) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    else out += foldChar(text[i]);
  }
  return out;
}
