import type { ModalityKind, ModalityRule } from '../lexicon/trigger-rule';
import { MODALITY_RULES } from '../lexicon/modality.lexicon';
import type { Language } from '../language/language';

const RULES = MODALITY_RULES.map((rule) => ({ ...rule, pattern: new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '')) }));
// Negation binds to the verb: only the few words before it count ("n'a pas promis", "did not sign").
const NEGATION_WINDOW = 40;
const AFTER_WINDOW = 30;

// A hedge after the verb governs it up to the next comma ("agreed to consider", "la détente …
// est censée"); a later subordinate clause ("…, as the allies sought to …") has its own verb.
const CLAUSE_REACH = 90;

function clauseReach(folded: string, end: number, clauseEnd: number): number {
  const comma = folded.indexOf(',', end);
  return Math.min(clauseEnd, end + CLAUSE_REACH, comma === -1 ? clauseEnd : comma);
}

// The first cue that keeps the trigger at [start, end) in the clause [clauseStart, clauseEnd)
// from asserting a fact, or undefined when it stands.
export function blockingCue(
  folded: string,
  language: Language,
  clauseStart: number,
  clauseEnd: number,
  start: number,
  end: number,
  kinds: readonly ModalityKind[],
): ModalityRule | undefined {
  for (const rule of RULES) {
    if (rule.language !== language || !kinds.includes(rule.kind)) continue;
    let window: string;
    if (rule.scope === 'clause') window = folded.slice(clauseStart, clauseReach(folded, end, clauseEnd));
    else if (rule.scope === 'after') window = folded.slice(end, Math.min(clauseEnd, end + AFTER_WINDOW));
    else if (rule.kind === 'negation') window = folded.slice(Math.max(clauseStart, start - NEGATION_WINDOW), end);
    else window = folded.slice(clauseStart, start);
    if (rule.pattern.test(window)) return rule;
  }
  return undefined;
}

export const ASSERTION_BLOCKERS: readonly ModalityKind[] = ['negation', 'speculation', 'condition', 'question', 'background'];
