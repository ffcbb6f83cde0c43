import type { Language } from '../language/language';

// Pluperfect marks a fact as anterior to the news of the day ("avait rouvert", "s'étaient
// promis", "had broken") unless it is backshifted reported speech ("confirmed that the Pentagon
// had stopped").
const PLUPERFECT: Record<Language, RegExp> = {
  en: /\bhad\b/,
  fr: /\b(?:avait|avaient|s'etait|s'etaient)\b/,
};
const REPORTED: Record<Language, RegExp> = {
  en: /\b(?:said|says|told|confirmed|announced|reported|stated|added|acknowledged|admitted|insisted)\b/,
  fr: /\b(?:a|ont)\s+(?:declare|dit|annonce|confirme|indique|affirme|reconnu|precise|assure)\b|\bselon\b/,
};
const AUXILIARY_REACH = 24;

export function isPluperfect(folded: string, clauseStart: number, triggerStart: number, triggerEnd: number, language: Language): boolean {
  const around = folded.slice(Math.max(clauseStart, triggerStart - AUXILIARY_REACH), Math.min(triggerEnd, triggerStart + AUXILIARY_REACH));
  if (!PLUPERFECT[language].test(around)) return false;
  return !REPORTED[language].test(folded.slice(clauseStart, triggerStart));
}

// Words that head another proposition: a date beyond one of them belongs to that proposition
// ("honour the clause of the treaty Pyongyang signed with Moscow last year").
const VERB_LIKE: Record<Language, RegExp> = {
  en: /\b(?:(?!(?:need|seed|speed|hundred|indeed|united|armed|based|bed|shed|fed|red)\b)[a-z]{3,}ed|met|held|cut|sent|made|took|began|broke|left|came|went|said|told|signed)\b/,
  fr: /\b(?:a|ont|avait|avaient|est|sont)\s+(?!ete\b)[\w-]+|\b(?:conclu|signe|negocie|impose|annonce|prevu|fixe|ferme|saccage|designe|ratifie)e?s?\b/,
};

// The first verb-like word in [from, to), as an offset. "à" folds to "a", the French "has": the
// original text tells them apart.
const VERB_LIKE_ALL: Record<Language, RegExp> = { en: new RegExp(VERB_LIKE.en.source, 'g'), fr: new RegExp(VERB_LIKE.fr.source, 'g') };

export function verbAt(text: string, folded: string, from: number, to: number, language: Language): number | undefined {
  const pattern = VERB_LIKE_ALL[language];
  pattern.lastIndex = 0;
  const slice = folded.slice(from, to);
  for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
    if (text[from + m.index] !== 'à' && text[from + m.index] !== 'À') return from + m.index;
  }
  return undefined;
}
