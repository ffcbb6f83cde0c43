import type { ArticleAnalysis } from '../analysis/article-analysis';
import { STATUS_RULES } from '../lexicon/status.lexicon';
import type { Candidate } from './candidate';
import { categoriesIn } from './categories';
import { partiesOf, type Parties } from './parties';
import { dateOf, findTriggers, isAsserted, type TriggerMatch } from './trigger-match';
import { ASSERTION_BLOCKERS } from '../analysis/modality';
import type { CommitmentCategory } from '@dyad/relations';

const PROMISE_WORD = /\b(?:promesses?|engagements?|promis\w*|promises?|promised|pledges?|pledged|commitments?|committed|obligations?)\b/;
const PROMISE_REACH = 3;
// Implementation is often reported weeks after it starts ("gas began flowing on June 2 …"): a
// status dated within a month is still news.
const STATUS_RECENT_DAYS = 31;

// A status told of "the promise" without saying what it was about takes the category of the
// promise the article last described ("les promesses chinoises d'ouvrir le marché …").
function promisedEarlier(analysis: ArticleAnalysis, match: TriggerMatch): CommitmentCategory[] {
  if (!PROMISE_WORD.test(analysis.folded.slice(match.clause.start, match.clause.end))) return [];
  for (let i = match.sentence.index - 1; i >= Math.max(0, match.sentence.index - PROMISE_REACH); i--) {
    const sentence = analysis.sentences[i];
    if (!PROMISE_WORD.test(analysis.folded.slice(sentence.start, sentence.end))) continue;
    const categories = categoriesIn(analysis.folded, sentence.start, sentence.end);
    if (categories.length > 0) return categories.slice(0, 1);
  }
  return [];
}

// Told by the recipient ("Egypt received a deposit from Saudi Arabia, completing the transfer"):
// the giver is the promisor.
const RECEIVED = /\b(?:received|receives|receiving|a recu|ont recu|a percu|ont percu)\b/;
const GIVER_BEFORE = /\b(?:from|de la part d[eu']|en provenance d[eu']|versee?s? par)\s*(?:(?:the|la|le|l')\s*)?$/;

function receipt(analysis: ArticleAnalysis, match: TriggerMatch): Parties[] | undefined {
  const { sentence } = match;
  if (!RECEIVED.test(analysis.folded.slice(sentence.start, match.end))) return undefined;
  const giver = sentence.actors.find((a) => GIVER_BEFORE.test(analysis.folded.slice(Math.max(sentence.start, a.start - 24), a.start)));
  const receiver = sentence.actors.find((a) => !a.locative && giver && a.country !== giver.country && a.start < giver.start);
  return giver && receiver ? [{ promisor: giver.country, beneficiary: receiver.country }] : undefined;
}

// A commitment moving on: the category is the object after the verb ("halted weapons
// deliveries"), else the subject before it ("l'ambassade saoudienne a repris ses activités").
export function statusCandidates(analysis: ArticleAnalysis): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of findTriggers(analysis, STATUS_RULES)) {
    const after = categoriesIn(analysis.folded, match.start, match.clause.end);
    const before = after.length > 0 ? after : categoriesIn(analysis.folded, match.clause.start, match.start);
    const keptOrNot = match.rule.status === 'fulfilled' || match.rule.status === 'broken';
    const categories = before.length > 0 ? before.slice(0, 1) : keptOrNot ? promisedEarlier(analysis, match) : [];
    if (categories.length === 0) continue;
    if (!isAsserted(analysis, match, match.rule.negated ? ASSERTION_BLOCKERS.filter((kind) => kind !== 'negation') : ASSERTION_BLOCKERS, STATUS_RECENT_DAYS)) continue;
    const date = dateOf(analysis, match);
    for (const { promisor, beneficiary } of receipt(analysis, match) ?? partiesOf(analysis, match, false)) {
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
