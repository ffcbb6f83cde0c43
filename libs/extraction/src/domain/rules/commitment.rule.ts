import type { ArticleAnalysis } from '../analysis/article-analysis';
import { COMMITMENT_RULES } from '../lexicon/commitment.lexicon';
import { MEETING_RULES } from '../lexicon/meeting.lexicon';
import type { TriggerRule } from '../lexicon/trigger-rule';
import type { Candidate } from './candidate';
import { categoriesIn } from './categories';
import type { CommitmentCategory, CountryCode } from '@dyad/relations';
import { hasSubject, partiesInTerms, partiesOf, promisorAfterParties } from './parties';
import { dateOf, findTriggers, isAsserted } from './trigger-match';

const SIGNING_RULES: readonly TriggerRule[] = [...MEETING_RULES, ...COMMITMENT_RULES].filter((rule) => /\.sign/.test(rule.id));

// A treaty clause is a new commitment only when the article reports the treaty being signed now,
// not when it restates an old treaty's terms.
function reportsSigning(analysis: ArticleAnalysis): boolean {
  return findTriggers(analysis, SIGNING_RULES).some((match) => isAsserted(analysis, match));
}

interface Found {
  readonly candidate: Candidate;
  // Read both ways from a signing alone, not from what either side undertook.
  readonly inferred: boolean;
}

export function commitmentCandidates(analysis: ArticleAnalysis): Candidate[] {
  const candidates: Found[] = [];
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
    const terms = rule.promisorAfter ? undefined : partiesInTerms(analysis, match);
    const parties = terms ?? (rule.promisorAfter ? promisorAfterParties(analysis, match, rule.promisorAfter) : partiesOf(analysis, match, rule.mutual === true));
    const inferred = !terms && rule.mutual === true && !rule.treatyClause;
    for (const { promisor, beneficiary } of parties) {
      for (const category of categories) {
        candidates.push({
          candidate: {
            body: { type: 'CommitmentMade', promisor, beneficiary, category, summary: match.sentence.text },
            countries: [promisor, beneficiary],
            sentence: match.sentence,
            confidence: rule.confidence,
            day: date?.day ?? null,
            month: date && !date.day ? date.month : null,
          },
          inferred,
        });
      }
    }
  }
  return withoutInferredReverse(candidates);
}

interface Direction {
  readonly promisor: CountryCode;
  readonly beneficiary: CountryCode;
  readonly category: CommitmentCategory;
}

function directionOf(found: Found): Direction {
  const body = found.candidate.body as unknown as Direction;
  return { promisor: body.promisor, beneficiary: body.beneficiary, category: body.category };
}

// A signed agreement read both ways gives way to its terms: when the article says one side
// undertakes a thing ("l'Argentine livrera du gaz au Chili") and nothing says the other does,
// the reverse direction of that category was only inferred from the signing.
function withoutInferredReverse(found: readonly Found[]): Candidate[] {
  const stated = found.filter((f) => !f.inferred).map(directionOf);
  return found
    .filter((f) => {
      if (!f.inferred) return true;
      const d = directionOf(f);
      const sameCategory = stated.filter((s) => s.category === d.category);
      const reverse = sameCategory.some((s) => s.promisor === d.beneficiary && s.beneficiary === d.promisor);
      return !reverse || sameCategory.some((s) => s.promisor === d.promisor && s.beneficiary === d.beneficiary);
    })
    .map((f) => f.candidate);
}
