import type { AnalysedSentence, ArticleAnalysis } from '../analysis/article-analysis';
import { isPluperfect, verbAt } from '../analysis/background';
import { clauseAround } from '../analysis/clause';
import { ASSERTION_BLOCKERS, blockingCue } from '../analysis/modality';
import { findDates, isBackgroundDate, type DateExpression } from '../dates/date-expressions';
import type { ModalityKind, TriggerRule } from '../lexicon/trigger-rule';

export interface TriggerMatch<R extends TriggerRule = TriggerRule> {
  readonly rule: R;
  readonly sentence: AnalysedSentence;
  readonly start: number;
  readonly end: number;
  readonly clause: { readonly start: number; readonly end: number };
}

const compiled = new WeakMap<TriggerRule, RegExp>();

function globalPattern(rule: TriggerRule): RegExp {
  let pattern = compiled.get(rule);
  if (!pattern) {
    pattern = new RegExp(rule.pattern.source, 'g');
    compiled.set(rule, pattern);
  }
  return pattern;
}

function sentenceAt(analysis: ArticleAnalysis, offset: number): AnalysedSentence | undefined {
  const { sentences } = analysis;
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < sentences[mid].start) high = mid - 1;
    else if (offset >= sentences[mid].end) low = mid + 1;
    else return sentences[mid];
  }
  return undefined;
}

// Every place a rule of the article's language fires, with its sentence and clause. Each pattern
// runs once over the whole folded text; a match across a sentence break is dropped.
export function findTriggers<R extends TriggerRule>(analysis: ArticleAnalysis, rules: readonly R[]): TriggerMatch<R>[] {
  const matches: TriggerMatch<R>[] = [];
  for (const rule of rules) {
    if (rule.language !== analysis.language) continue;
    const pattern = globalPattern(rule);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(analysis.folded); m !== null; m = pattern.exec(analysis.folded)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      const sentence = sentenceAt(analysis, start);
      if (!sentence || end > sentence.end) continue;
      matches.push({ rule, sentence, start, end, clause: clauseAround(analysis.folded, sentence.start, sentence.end, start) });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

const dateCache = new WeakMap<AnalysedSentence, DateExpression[]>();

export function sentenceDates(analysis: ArticleAnalysis, sentence: AnalysedSentence): DateExpression[] {
  let dates = dateCache.get(sentence);
  if (!dates) {
    dates = findDates(analysis.text, analysis.folded, sentence.start, sentence.end, analysis.publishedAt, analysis.language);
    dateCache.set(sentence, dates);
  }
  return dates;
}

// A date right after the participle of a promise dates the promise, not what befalls it
// ("les munitions promises à l'Ukraine en janvier ont été livrées", "revenant sur l'engagement
// pris en juin"); the trigger's own participle is not in the span looked at.
const PROMISED_BEFORE = /\b(?:promis|promise|promises|promised|pledged|agreed|signed|signe|signee|signes|signees|conclu|conclue|conclus|pris|prise|prevu|prevue|provided for)\b[^,;.]{0,30}$/;

// The date expression that belongs to the trigger: in its clause, with no other verb between
// them, nearest first.
export function dateOf(analysis: ArticleAnalysis, match: TriggerMatch): DateExpression | null {
  let best: DateExpression | null = null;
  let bestDistance = Infinity;
  for (const date of sentenceDates(analysis, match.sentence)) {
    if (date.start < match.clause.start || date.end > match.clause.end) continue;
    const lead = date.end <= match.start ? match.clause.start : match.end;
    if (PROMISED_BEFORE.test(analysis.folded.slice(Math.max(lead, date.start - 40), date.start))) continue;
    const [from, to] = date.start >= match.end ? [match.end, date.start] : [date.end, match.start];
    if (verbAt(analysis.text, analysis.folded, from, to, analysis.language) !== undefined) continue;
    const distance = to - from;
    if (distance < bestDistance) {
      best = date;
      bestDistance = distance;
    }
  }
  return best;
}

// Whether the trigger asserts something that happened now: no blocking cue, not pluperfect
// narration, not dated two months or more before publication (or more than `recentDays` days).
export function isAsserted(analysis: ArticleAnalysis, match: TriggerMatch, kinds: readonly ModalityKind[] = ASSERTION_BLOCKERS, recentDays?: number): boolean {
  const { folded, language } = analysis;
  if (blockingCue(folded, language, match.clause.start, match.clause.end, match.start, match.end, kinds)) return false;
  if (isPluperfect(folded, match.clause.start, match.start, match.end, language)) return false;
  const date = dateOf(analysis, match);
  return !(date && isBackgroundDate(date, analysis.publishedAt, recentDays));
}
