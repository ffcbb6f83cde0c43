import * as chrono from 'chrono-node';
import type { Language } from '../language/language';
import { fold } from '../text/fold';

// A date expression in a sentence, resolved against the publication date.
export interface DateExpression {
  readonly start: number; // offsets in the article
  readonly end: number;
  readonly day: string | null; // YYYY-MM-DD when the text names a day (or a weekday)
  readonly month: string; // YYYY-MM, always known
}

const DAY_MS = 86_400_000;
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};
// Month with no day, which chrono's French parser leaves out ("en mars", "au mois d'août",
// "début mars", "in June 2024"); years alone ("in 2016"); "last year" / "l'an dernier".
const MONTH_ONLY = new RegExp(`\\b(?:${Object.keys(MONTHS).join('|')})(?:\\s+(\\d{4}))?\\b`, 'g');
const YEAR_ONLY = /\b(?:in|en|of|de|since|depuis)\s+((?:19|20)\d{2})\b/g;
const LAST_YEAR = /\b(?:last year|l'an dernier|l'annee derniere|l'an passe|l'annee passee)\b/g;
const FULL_WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/;
// A dateline ("VLADIVOSTOK, Sept 15 -", "BANFF, Alberta, June 3 -") dates the dispatch, not the events.
const DATELINE = /^[\p{Lu}][\p{Lu} .'’\/-]+(?:\s*\([^)]*\))?(?:,\s+\p{Lu}[\p{L}.'’ -]+)?,\s+(?:[\p{L}.]+\s+\d{1,2}|\d{1,2}\s+[\p{L}.]+(?:\s+\d{4})?)(?:\s*\([^)]*\))?\s*[-–—]\s*/u;
// "depuis 2016", "since 2019": a duration reaching to now, not the time of an event.
const SINCE_BEFORE = /(?:since|depuis|from|des)\s+(?:(?:the|le|la|l')\s*)?$/;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Words without which a sentence names no date: chrono is not run on it.
const DATE_HINT =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec|janv|fevr|avr|mai|juin|juil|aout|janvier|fevrier|mars|avril|juillet|septembre|octobre|novembre|decembre|january|february|march|april|june|july|august|september|october|november|december|today|yesterday|tomorrow|tonight|hier|aujourd'hui|demain|ago|last|next|dernier|derniere|prochain|prochaine|weeks?|semaines?|months?|mois|annee|weekend|week-end|(?:19|20)\d{2})\b/;

export function findDates(text: string, folded: string, start: number, end: number, publishedAt: string, language: Language): DateExpression[] {
  if (!DATE_HINT.test(folded.slice(start, end))) return [];
  const reference = new Date(`${publishedAt}T12:00:00Z`);
  const dateline = DATELINE.exec(text.slice(start, end));
  const from = start + (dateline ? dateline[0].length : 0);
  const sentence = text.slice(from, end);
  const found: DateExpression[] = [];
  const parser = language === 'fr' ? chrono.fr : chrono.en;
  for (const result of parser.parse(sentence, { instant: reference, timezone: 0 }, { forwardDate: false })) {
    // A span ("la nuit de mardi à mercredi") is dated by its last day, when the events it frames end.
    let date = (result.end ?? result.start).date();
    const weekday = result.start.isCertain('weekday') && !result.start.isCertain('day');
    // News reports past events: a bare weekday is the last such day on or before publication.
    if (weekday && date.getTime() > reference.getTime()) date = new Date(date.getTime() - 7 * DAY_MS);
    // Digits alone ("Soyuz-2", "5 hours") are not dates; facts are not in the future.
    if (!/\p{L}{3,}/u.test(result.text) || date.getTime() > reference.getTime() + DAY_MS) continue;
    // Abbreviated weekdays are ordinary words too ("the two men sat down").
    if (weekday && !FULL_WEEKDAY.test(fold(result.text))) continue;
    const hasDay = result.start.isCertain('day') || weekday;
    const s = from + result.index;
    if (!result.start.isCertain('month') && !weekday && !result.start.isCertain('day')) continue;
    if (SINCE_BEFORE.test(folded.slice(Math.max(start, s - 12), s))) continue;
    found.push({ start: s, end: s + result.text.length, day: hasDay ? iso(date) : null, month: iso(date).slice(0, 7) });
  }
  const slice = folded.slice(from, end);
  const covered = (s: number) => found.some((f) => s >= f.start && s < f.end);
  const pubYear = Number(publishedAt.slice(0, 4));
  const pubMonth = Number(publishedAt.slice(5, 7));
  for (const m of slice.matchAll(MONTH_ONLY)) {
    const s = from + (m.index ?? 0);
    if (covered(s) || SINCE_BEFORE.test(folded.slice(Math.max(start, s - 12), s))) continue;
    // English month names are capitalised; "march" and "may" are also verbs.
    if (language === 'en' && text[s] === text[s].toLowerCase()) continue;
    const month = MONTHS[m[0].split(/\s+/)[0]];
    if (m[0].startsWith('may') && !m[1] && language === 'en') continue;
    const year = m[1] ? Number(m[1]) : month > pubMonth ? pubYear - 1 : pubYear;
    found.push({ start: s, end: s + m[0].length, day: null, month: `${year}-${String(month).padStart(2, '0')}` });
  }
  for (const m of slice.matchAll(YEAR_ONLY)) {
    const s = from + (m.index ?? 0);
    if (covered(s) || /^(?:since|depuis)/.test(m[0])) continue;
    found.push({ start: s, end: s + m[0].length, day: null, month: `${m[1]}-01` });
  }
  for (const m of slice.matchAll(LAST_YEAR)) {
    const s = from + (m.index ?? 0);
    found.push({ start: s, end: s + m[0].length, day: null, month: `${pubYear - 1}-01` });
  }
  return found.sort((a, b) => a.start - b.start);
}

// Earlier history rather than the news of the day: a named day more than two weeks before
// publication, or a month two or more months before it.
const RECENT_DAYS = 14;

export function isBackgroundDate(date: DateExpression, publishedAt: string, recentDays = RECENT_DAYS): boolean {
  if (date.day) return (Date.parse(publishedAt) - Date.parse(date.day)) / DAY_MS > recentDays;
  const [y, m] = date.month.split('-').map(Number);
  const [py, pm] = publishedAt.split('-').map(Number);
  return (py - y) * 12 + (pm - m) >= 2;
}
