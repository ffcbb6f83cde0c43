import type { ArticleAnalysis } from '../analysis/article-analysis';
import { STATUS_RULES } from '../lexicon/status.lexicon';
import type { Candidate } from './candidate';
import { categoriesIn } from './categories';
import { partiesOf } from './parties';
import { dateOf, findTriggers, isAsserted } from './trigger-match';

// A commitment moving on: the category is the object after the verb ("halted weapons
// deliveries"), else the subject before it ("l'ambassade saoudienne a repris ses activités").
export function statusCandidates(analysis: ArticleAnalysis): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of findTriggers(analysis, STATUS_RULES)) {
    const after = categoriesIn(analysis.folded, match.start, match.clause.end);
    const categories = after.length > 0 ? after.slice(0, 1) : categoriesIn(analysis.folded, match.clause.start, match.start).slice(0, 1);
    if (categories.length === 0) continue;
    if (!isAsserted(analysis, match)) continue;
    const date = dateOf(analysis, match);
    for (const { promisor, beneficiary } of partiesOf(analysis, match, false)) {
      candidates.push({
        body: { type: 'CommitmentStatusChanged', promisor, beneficiary, category: categories[0], status: match.rule.status, summary: match.sentence.text },
        countries: [promisor, beneficiary],
        sentence: match.sentence,
        confidence: 0.75,
        day: date?.day ?? null,
        month: date && !date.day ? date.month : null,
      });
    }
  }
  return candidates;
}
