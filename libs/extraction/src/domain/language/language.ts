import { franc } from 'franc';
import { ExtractionError } from '../extraction.errors';

export type Language = 'fr' | 'en';
export const SUPPORTED_LANGUAGES: readonly Language[] = ['fr', 'en'];

// franc answers in ISO 639-3. Restricting it to the languages a news feed is likely to carry
// keeps it fast (trigram tables of a dozen languages, not 180) while still telling French and
// English apart from the rest.
const CANDIDATES = ['fra', 'eng', 'deu', 'spa', 'ita', 'por', 'nld', 'pol', 'rus', 'ukr', 'tur', 'arb', 'cmn', 'jpn', 'kor', 'swe', 'ron'];
const TO_LANGUAGE: Record<string, Language> = { fra: 'fr', eng: 'en' };
const SAMPLE = 800;

export function isSupportedLanguage(value: string): value is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function detectLanguage(text: string): Language {
  const detected = franc(text.slice(0, SAMPLE), { only: CANDIDATES, minLength: 10 });
  const language = TO_LANGUAGE[detected];
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
