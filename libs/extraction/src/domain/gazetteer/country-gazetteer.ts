import countries from 'world-countries';
import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { CountryCode } from '@dyad/relations';
import { fold } from '../text/fold';
import { COMBINING_FORMS } from './combining-forms.data';
import { FRENCH_CAPITAL_EXONYMS } from './french-capitals.data';
import { SEATS_OF_POWER } from './seats-of-power.data';

export type CountryMentionKind = 'name' | 'seat' | 'capital' | 'demonym' | 'combining';

interface Phrase {
  readonly tokens: readonly string[];
  readonly code: CountryCode;
  readonly kind: CountryMentionKind;
  // Uppercase abbreviations ("US", "UK") must be written so; "us" is a pronoun.
  readonly exactCase: string | null;
  readonly sovereign: boolean;
}

export interface CountryMatch {
  readonly code: CountryCode;
  readonly kind: CountryMentionKind;
  readonly start: number;
  readonly end: number;
}

// Names that are also common words or first names in one of the two languages; matching them
// as countries does more harm than good ("Maurice", "Réunion" at a sentence start, "Jersey").
const AMBIGUOUS = new Set(['reunion', 'maurice', 'jersey', 'man', 'guernsey', 'georgia', 'jordan', 'chad', 'victoria', 'kingston', 'hamilton', 'male', 'nice', 'sucre', 'praia', 'roseau', 'valletta', 'plymouth', 'saint martin', 'vienne']);
const PRIORITY: Record<CountryMentionKind, number> = { name: 4, seat: 3, capital: 2, demonym: 1, combining: 0 };
const TOKEN = /[\p{L}\p{N}]+/gu;

function tokens(phrase: string): string[] {
  return fold(phrase).match(TOKEN) ?? [];
}

function frenchPlurals(form: string): string[] {
  return /[sx]$/.test(form) ? [form] : [form, `${form}s`];
}

function englishPlurals(form: string): string[] {
  return /(s|sh|ch|ese|ss)$/.test(form) ? [form] : [form, `${form}s`];
}

// Built once from world-countries (names, official names, French translations, English and
// French demonyms, capitals) and i18n-iso-countries (English and French name variants), with
// French demonyms declined in gender and number.
export class CountryGazetteer {
  private readonly byFirstToken = new Map<string, Phrase[]>();
  private readonly capitals = new Map<CountryCode, string>();
  private readonly officialNames = new Map<CountryCode, string>();

  constructor() {
    isoCountries.registerLocale(en);
    isoCountries.registerLocale(fr);
    const candidates = new Map<string, Phrase[]>();
    const sovereign = new Set(countries.filter((c) => c.independent || c.unMember).map((c) => c.cca2));
    const add = (phrase: string, code: CountryCode, kind: CountryMentionKind) => {
      const t = tokens(phrase);
      if (t.length === 0) return;
      const key = t.join(' ');
      if (AMBIGUOUS.has(key)) return;
      const exactCase = /^[A-Z.]{2,5}$/.test(phrase.trim()) ? phrase.replace(/\./g, '') : null;
      if (exactCase !== null && exactCase.length < 2) return;
      const list = candidates.get(key) ?? [];
      list.push({ tokens: t, code, kind, exactCase, sovereign: sovereign.has(code) });
      candidates.set(key, list);
    };
    const enNames = isoCountries.getNames('en', { select: 'all' }) as Record<string, string[]>;
    const frNames = isoCountries.getNames('fr', { select: 'all' }) as Record<string, string[]>;
    for (const country of countries) {
      const code = country.cca2;
      for (const name of [country.name.common, country.name.official, country.translations.fra?.common, country.translations.fra?.official]) {
        if (name) add(name, code, 'name');
      }
      for (const spelling of country.altSpellings) {
        // Latin-script variants only; bare two-letter codes except the common "US"/"UK".
        if (/^[\p{Script=Latin}\s'’.-]+$/u.test(spelling) && (spelling.length > 2 || spelling === 'US' || spelling === 'UK')) add(spelling, code, 'name');
      }
      for (const name of [...(enNames[code] ?? []), ...(frNames[code] ?? [])]) {
        if (!name.includes(',')) add(name, code, 'name');
      }
      for (const capital of country.capital) add(capital.replace(/,?\s*D\.C\.$/, ''), code, 'capital');
      if (country.capital[0]) this.capitals.set(code, country.capital[0].replace(/,?\s*D\.C\.$/, ''));
      this.officialNames.set(code, fold(country.name.official));
      const demonyms = country.demonyms;
      for (const form of [demonyms?.eng?.m, demonyms?.eng?.f]) if (form) englishPlurals(form).forEach((f) => add(f, code, 'demonym'));
      for (const form of [demonyms?.fra?.m, demonyms?.fra?.f]) if (form) frenchPlurals(form).forEach((f) => add(f, code, 'demonym'));
    }
    for (const { name, country } of FRENCH_CAPITAL_EXONYMS) add(name, country, 'capital');
    for (const seat of SEATS_OF_POWER) for (const name of seat.names) add(name, seat.country, 'seat');
    for (const [prefix, code] of Object.entries(COMBINING_FORMS)) add(prefix, code, 'combining');

    for (const list of candidates.values()) {
      const best = Math.max(...list.map((p) => PRIORITY[p.kind]));
      let top = list.filter((p) => PRIORITY[p.kind] === best);
      // A state wins over its own territories ("American": US, not the Northern Mariana Islands).
      if (new Set(top.map((p) => p.code)).size > 1) top = top.filter((p) => p.sovereign);
      // A phrase naming two states at the same rank ("Congolese") names neither.
      if (new Set(top.map((p) => p.code)).size !== 1) continue;
      const phrase = top[0];
      const bucket = this.byFirstToken.get(phrase.tokens[0]) ?? [];
      bucket.push(phrase);
      this.byFirstToken.set(phrase.tokens[0], bucket);
    }
    for (const bucket of this.byFirstToken.values()) bucket.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  // The capital's English name, for meeting locations ("Moscou" is reported as Moscow).
  capitalOf(code: CountryCode): string | undefined {
    return this.capitals.get(code);
  }

  // Whether the state's official English name says what it is ("kingdom", "islamic republic").
  officialNameHas(code: CountryCode, word: string): boolean {
    return this.officialNames.get(code)?.includes(word) ?? false;
  }

  // Longest matches, left to right, in text[from, to). `folded` is fold(text).
  find(text: string, folded: string, from = 0, to = text.length): CountryMatch[] {
    const words: { value: string; start: number; end: number }[] = [];
    TOKEN.lastIndex = 0;
    const slice = folded.slice(from, to);
    for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
      words.push({ value: m[0], start: from + m.index, end: from + m.index + m[0].length });
    }
    const matches: CountryMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      const bucket = this.byFirstToken.get(words[i].value);
      if (!bucket) continue;
      for (const phrase of bucket) {
        const n = phrase.tokens.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = words[i + k].value === phrase.tokens[k] && words[i + k].start - words[i + k - 1].end <= 3;
        if (!ok) continue;
        const start = words[i].start;
        const end = words[i + n - 1].end;
        if (!this.caseFits(phrase, text, start, end)) continue;
        matches.push({ code: phrase.code, kind: phrase.kind, start, end });
        i += n - 1;
        break;
      }
    }
    return matches;
  }

  private caseFits(phrase: Phrase, text: string, start: number, end: number): boolean {
    const original = text.slice(start, end);
    if (phrase.exactCase !== null) return original.replace(/\./g, '') === phrase.exactCase;
    if (phrase.kind === 'demonym') return true;
    if (phrase.kind === 'combining') return text[end] === '-';
    const first = original[0];
    return first !== first.toLowerCase();
  }
}
