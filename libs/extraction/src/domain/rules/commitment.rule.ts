import type { ArticleAnalysis } from '../analysis/article-analysis';
import { COMMITMENT_RULES } from '../lexicon/commitment.lexicon';
import { MEETING_RULES } from '../lexicon/meeting.lexicon';
import type { TriggerRule } from '../lexicon/trigger-rule';
import type { Candidate } from './candidate';
import { categoriesIn } from './categories';
import { hasSubject, partiesOf, promisorAfterParties } from './parties';
import { dateOf, findTriggers, isAsserted } from './trigger-match';

const SIGNING_RULES: readonly TriggerRule[] = [...MEETING_RULES, ...COMMITMENT_RULES].filter((rule) => /\.sign/.test(rule.id));

// A treaty clause is a new commitment only when the article reports the treaty being signed now,
// not when it restates an old treaty's terms.
function reportsSigning(analysis: ArticleAnalysis): boolean {
  return findTriggers(analysis, SIGNING_RULES).some((match) => isAsserted(analysis, match));
}

export function commitmentCandidates(analysis: ArticleAnalysis): Candidate[] {
  const candidates: Candidate[] = [];
  let signing: boolean | undefined;
  for (const match of findTriggers(analysis, COMMITMENT_RULES)) {
    const { rule } = match;
    if (rule.needsSubject && !hasSubject(analysis, match)) continue;
    // The object may sit inside the trigger ("signed a trade agreement"), or before it in the passive.
    const categories = categoriesIn(analysis.folded, rule.promisorAfter === 'agent' ? match.clause.start : match.start, match.clause.end);
    if (categories.length === 0) continue;
    if (!isAsserted(analysis, match)) continue;
    if (rule.treatyClause && !(signing ??= reportsSigning(analysis))) continue;
    const date = dateOf(analysis, match);
    const parties = rule.promisorAfter ? promisorAfterParties(analysis, match, rule.promisorAfter) : partiesOf(analysis, match, rule.mutual === true);
    for (const { promisor, beneficiary } of parties) {
      for (const category of categories) {
        candidates.push({
          body: { type: 'CommitmentMade', promisor, beneficiary, category, summary: match.sentence.text },
          countries: [promisor, beneficiary],
          sentence: match.sentence,
          confidence: rule.confidence,
          day: date?.day ?? null,
          month: date && !date.day ? date.month : null,
        });
      }
    }
  }
  return candidates;
}
