import { francAll } from 'franc';
import { ExtractionError } from '../extraction.errors';
import { fold } from '../text/fold';

export type Language = 'fr' | 'en';
export const SUPPORTED_LANGUAGES: readonly Language[] = ['fr', 'en'];

// franc answers in ISO 639-3. Restricting it to the languages a news feed is likely to carry
// keeps it fast (trigram tables of a dozen languages, not 180) while still telling French and
// English apart from the rest.
const CANDIDATES = ['fra', 'eng', 'deu', 'spa', 'ita', 'por', 'nld', 'pol', 'rus', 'ukr', 'tur', 'arb', 'cmn', 'jpn', 'kor', 'swe', 'ron'];
const TO_LANGUAGE: Record<string, Language> = { fra: 'fr', eng: 'en' };
const SAMPLE = 400;
// Function words that only one of the two languages uses (none is a word of the other, nor
// common in Spanish, Italian, Portuguese, German or Dutch). When a sample is full of one set
// and holds none of the other, it is that language and the trigram model is not needed.
const FUNCTION_WORDS: Record<Language, RegExp> = {
  fr: /\b(?:et|les|des|est|une|du|dans|pour|qui|au|aux|avec|ont|sur|pas|mais|ces|cette|sont|leur|leurs|selon|apres|ainsi|lors|entre)\b/g,
  en: /\b(?:the|and|of|to|was|were|that|with|for|by|said|has|have|from|its|his|their|which|after|between|would)\b/g,
};
const CLEAR_CUT = 6;

function clearCut(sample: string): Language | undefined {
  const lower = fold(sample);
  const fr = lower.match(FUNCTION_WORDS.fr)?.length ?? 0;
  const en = lower.match(FUNCTION_WORDS.en)?.length ?? 0;
  if (fr >= CLEAR_CUT && en <= 1) return 'fr';
  if (en >= CLEAR_CUT && fr <= 1) return 'en';
  return undefined;
}

export function isSupportedLanguage(value: string): value is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

// Short texts full of names fool trigram models ("… met German Chancellor Friedrich Merz in
// Berlin" reads as Dutch). When French or English comes a close second and the sample holds one
// of its function words, it wins.
const CLOSE_SECOND = 0.85;
const CUE_WORDS: Record<Language, RegExp> = {
  fr: /\b(?:le|la|les|des|est|une|et|du|dans|pour|qui|au|aux|avec|ont|sur|a ete)\b/,
  en: /\b(?:the|and|of|to|was|were|that|with|for|by|said|has|have|from|its|his|their|which|after|would|met|on|is)\b/,
};

function closeSecond(sample: string, ranked: [string, number][]): Language | undefined {
  const folded = fold(sample);
  for (const [code, score] of ranked.slice(1)) {
    const language = TO_LANGUAGE[code];
    if (language && score >= CLOSE_SECOND && CUE_WORDS[language].test(folded)) return language;
  }
  return undefined;
}

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE);
  const obvious = clearCut(sample);
  if (obvious) return obvious;
  const ranked = francAll(sample, { only: CANDIDATES, minLength: 10 });
  const detected = ranked[0][0];
  const language = TO_LANGUAGE[detected] ?? closeSecond(sample, ranked);
  if (!language) {
    throw new ExtractionError('EXTRACTION.UNSUPPORTED_LANGUAGE', `Only French and English articles are supported (detected '${detected}')`, {
      detected,
      supported: SUPPORTED_LANGUAGES,
    });
  }
  return language;
}

// The caller's word wins when it names a supported language; any other named language is refused.
export function resolveLanguage(text: string, declared?: string): Language {
  if (declared === undefined || declared === '') return detectLanguage(text);
  const normalised = declared.toLowerCase().slice(0, 2);
  if (isSupportedLanguage(normalised)) return normalised;
  throw new ExtractionError('EXTRACTION.UNSUPPORTED_LANGUAGE', `Only French and English articles are supported (declared '${declared}')`, {
    declared,
    supported: SUPPORTED_LANGUAGES,
  });
}
