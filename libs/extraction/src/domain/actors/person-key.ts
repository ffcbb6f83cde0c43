import { fold } from '../text/fold';

// A comparison key under which the French and English transliterations of one name meet:
// Poutine/Putin, al-Charaa/al-Sharaa, al-Shaybani/al-Shaibani, Iermak/Yermak, Oumerov/Umerov,
// Ioulia/Yulia, Andriï/Andriy, Assad/Asaad, ben Salmane/bin Salman. Each step is a French-to-English
// transliteration habit (ou for u, ch for sh, tch for ch, i for y, doubled letters, a mute final e).
const cache = new Map<string, string>();
// Bounded: names repeat across articles, but a long-running process must not grow without end.
const CACHE_LIMIT = 20_000;

export function personKey(name: string): string {
  let key = cache.get(name);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = computeKey(name);
    cache.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) =>
      (word === 'ben' || word === 'ibn' ? 'bin' : word)
        .replace(/tch/g, 'ch')
        .replace(/ch/g, 'sh')
        .replace(/ou/g, 'u')
        .replace(/kh/g, 'h')
        .replace(/y/g, 'i')
        .replace(/w/g, 'v')
        .replace(/(.)\1+/g, '$1')
        .replace(/(.{3,})e$/, '$1'),
    )
    .join(' ');
}

// Particles that are not a surname on their own ("al-Sharaa" is referred to as "Sharaa").
const PARTICLES = new Set(['al', 'el', 'bin', 'ben', 'ibn', 'bint', 'de', 'da', 'du', 'van', 'von', 'der', 'le', 'abu', 'abd']);

export function nameParts(name: string): string[] {
  return personKey(name)
    .split(' ')
    .filter((part) => part.length > 1 && !PARTICLES.has(part));
}
