import type { CountryCode } from '@dyad/relations';
import type { ActorMention } from '../actors/actor-mentions';
import type { ArticleAnalysis } from '../analysis/article-analysis';
import { verbAt } from '../analysis/background';
import { PAIR_REFERENCE } from './candidate';
import type { TriggerMatch } from './trigger-match';

export interface Parties {
  readonly promisor: CountryCode;
  readonly beneficiary: CountryCode;
}

// Words that may stand between a subject and its verb ("Japan has also pledged", "the two sides agreed").
const SUBJECT_BRIDGE = /(?:^|\s)(?:has|have|had|also|already|publicly|repeatedly|formally|firmly|officially|jointly|then|later|once|again|recently|and|it|they|he|she|which|who|each|both|sides|countries|governments|government|leaders|parties|ministers|delegations|capitals|nations|states|companies|firms|officials|authorities|with)\s*$/;

// An aside between the subject and its verb: "Jakarta, for its part, undertook", "Ottawa, in return, agreed".
const ASIDE = /,\s*(?:for (?:its|their|his|her) part|in (?:return|turn|exchange)|meanwhile|for (?:its|their) side|pour sa part|de son cote|de leur cote|en retour|en echange|quant a (?:lui|elle|eux))\s*,\s*$/;

export function hasSubject(analysis: ArticleAnalysis, match: TriggerMatch): boolean {
  const before = analysis.folded.slice(Math.max(match.sentence.start, match.start - 24), match.start);
  if (SUBJECT_BRIDGE.test(before)) return true;
  const aside = ASIDE.exec(analysis.folded.slice(Math.max(match.sentence.start, match.start - 40), match.start));
  if (aside && match.sentence.actors.some((a) => !a.locative && a.end <= match.start - aside[0].length && match.start - aside[0].length - a.end <= 3)) return true;
  return match.sentence.actors.some((a) => !a.locative && a.end <= match.start && match.start - a.end <= 3);
}

const TO_BENEFICIARY = /\b(?:to|for|with|a|au|aux|pour|envers|avec)\s+(?:(?:the|la|le|les|l')\s*)?$/;
const CONJOINED = /^[\s,]*(?:and|et)\s+(?:(?:l'|la|le|les|the|his|her|their|its|son|sa|ses|leur)\s*)?$/;

function distinct(actors: readonly ActorMention[]): CountryCode[] {
  return [...new Set(actors.map((a) => a.country))];
}

function bothWays(a: CountryCode, b: CountryCode): Parties[] {
  return [
    { promisor: a, beneficiary: b },
    { promisor: b, beneficiary: a },
  ];
}

// Who promises to whom around a trigger. The subject is the first acting country of the clause
// before the verb (or of the sentence, when a parenthesis cut the clause); the beneficiary the
// first other country after it ("à l'Ukraine", "in Syria"), else another country of the sentence,
// else the other country of the pair in focus. Two subjects joined by "and"/"et", a mutual rule
// or "each side" make the promise go both ways.
const AGENT_BEFORE = /\b(?:by|par)\s+(?:(?:the|la|le|les|l')\s*)?$/;

const OBJECT_REACH = 16;

// The promisor named after the verb (the passive's agent, or the object of "engage X à") promises
// to the other country of the sentence.
export function promisorAfterParties(analysis: ArticleAnalysis, match: TriggerMatch, role: 'agent' | 'object'): Parties[] {
  const { sentence, clause } = match;
  const agent = sentence.actors.find(
    (a) =>
      !a.locative &&
      a.start >= match.end &&
      a.start < clause.end &&
      (role === 'agent' ? AGENT_BEFORE.test(analysis.folded.slice(Math.max(match.end, a.start - 12), a.start)) : a.start - match.end <= OBJECT_REACH),
  );
  if (!agent) return [];
  const other = sentence.actors.find((a) => a.country !== agent.country);
  const focus = analysis.focus[sentence.index];
  const beneficiary = other?.country ?? (focus?.includes(agent.country) ? focus.find((c) => c !== agent.country) : undefined);
  return beneficiary ? [{ promisor: agent.country, beneficiary }] : [];
}

// The terms of an agreement name who does what: "signed an agreement under which Poland will
// train …", "l'accord prévoit que l'Argentine livrera …". That party alone promises, to the other.
const TERMS_BEFORE = /\b(?:under which|whereby|by which|under the terms of which|which provides that|providing that|aux termes duquel|aux termes de laquelle|en vertu duquel|en vertu de laquelle|par lequel|par laquelle|prevoit que|prevoyant que|qui prevoit que)\s+(?:(?:the|la|le|les|l')\s*)?$/;

export function partiesInTerms(analysis: ArticleAnalysis, match: TriggerMatch): Parties[] | undefined {
  const { sentence } = match;
  const acting = sentence.actors.filter((a) => !a.locative);
  // The party opens the terms after the trigger ("signed a deal under which X will …"), or is the
  // subject of the trigger itself ("… aux termes duquel l'Espagne financera").
  const party = acting.find((a) =>
    a.start >= match.end
      ? TERMS_BEFORE.test(analysis.folded.slice(Math.max(match.end, a.start - 40), a.start))
      : a.end <= match.start && TERMS_BEFORE.test(analysis.folded.slice(Math.max(sentence.start, a.start - 40), a.start)) && verbAt(analysis.text, analysis.folded, a.end, match.start, analysis.language) === undefined,
  );
  if (!party) return undefined;
  const focus = analysis.focus[sentence.index];
  const other = acting.find((a) => a.country !== party.country)?.country ?? (focus?.includes(party.country) ? focus.find((c) => c !== party.country) : undefined);
  return other ? [{ promisor: party.country, beneficiary: other }] : undefined;
}

export function partiesOf(analysis: ArticleAnalysis, match: TriggerMatch, mutual: boolean): Parties[] {
  const { sentence, clause } = match;
  const folded = analysis.folded;
  const acting = sentence.actors.filter((a) => !a.locative);
  const sentenceCut = folded.lastIndexOf(';', match.start);
  const floor = Math.max(sentence.start, sentenceCut + 1);
  let before = acting.filter((a) => a.start >= clause.start && a.end <= match.start);
  if (before.length === 0) before = acting.filter((a) => a.start >= floor && a.end <= match.start);
  const subjects = distinct(before);
  const focus = analysis.focus[sentence.index];
  // "each side to…", "les deux pays ont convenu", "se sont promis l'un à l'autre": at the verb, not further on.
  const reciprocal = PAIR_REFERENCE.test(folded.slice(clause.start, Math.min(clause.end, match.end + 30)));

  if (mutual || reciprocal) {
    if (subjects.length >= 2) return bothWays(subjects[0], subjects[1]);
    const all = distinct(acting);
    if (all.length === 2) return bothWays(all[0], all[1]);
    if (focus && (all.length === 0 || reciprocal)) return bothWays(focus[0], focus[1]);
    if (!mutual && subjects.length === 0) return [];
  }
  // "Kishida and South Korean President Yoon agreed", "la France et l'Allemagne se sont engagées".
  // With a third country after the verb, each subject promises to it ("France and Germany
  // pledged aid to Ukraine").
  for (let i = 0; i + 1 < before.length; i++) {
    const [a, b] = [before[i], before[i + 1]];
    if (a.country === b.country || !CONJOINED.test(folded.slice(a.end, b.start))) continue;
    // Joint subjects of another verb ("X and Y held talks, with X pledging …") are not this one's.
    if (verbAt(analysis.text, folded, b.end, match.start, analysis.language) !== undefined) continue;
    const third = sentence.actors.find(
      (x) => x.start >= match.end && x.start < clause.end && x.country !== a.country && x.country !== b.country && TO_BENEFICIARY.test(folded.slice(Math.max(match.end, x.start - 14), x.start)),
    );
    if (third) return [a.country, b.country].map((promisor) => ({ promisor, beneficiary: third.country }));
    return bothWays(a.country, b.country);
  }
  const promisor = subjects[0];
  if (!promisor) return [];
  const after = sentence.actors.find((a) => a.start >= match.end && a.start < clause.end && a.country !== promisor);
  const elsewhere = sentence.actors.find((a) => a.country !== promisor && (a.start >= floor || a.locative));
  const partner = focus && focus.includes(promisor) ? focus.find((c) => c !== promisor) : undefined;
  const beneficiary = after?.country ?? elsewhere?.country ?? partner;
  return beneficiary ? [{ promisor, beneficiary }] : [];
}
