import type { CountryCode, DelegationMember } from '@dyad/relations';
import type { ArticleAnalysis } from '../analysis/article-analysis';
import { actingCountries } from '../analysis/article-analysis';
import { DELEGATION_RULES } from '../lexicon/delegation.lexicon';
import type { DelegationRule } from '../lexicon/trigger-rule';
import type { Candidate } from './candidate';
import { findTriggers, isAsserted, type TriggerMatch } from './trigger-match';

const LEADER_REACH = 160;

// Whose delegation: the demonym or name just before "delegation"/"side" (English), just after
// "délégation"/"partie" (French), or after "of"/"de".
function delegationCountry(analysis: ArticleAnalysis, match: TriggerMatch<DelegationRule>): CountryCode | undefined {
  const head = /delegation|side|team|partie/.exec(analysis.folded.slice(match.start, match.end));
  const word = match.start + (head?.index ?? 0);
  const wordEnd = word + (head?.[0].length ?? 0);
  const actors = match.sentence.actors;
  const before = actors.find((a) => a.end <= word && word - a.end <= 4 && !a.person);
  const after = actors.find((a) => a.start >= wordEnd && a.start - wordEnd <= 12 && !a.person);
  return (analysis.language === 'fr' ? (after ?? before) : (before ?? after))?.country;
}

export function delegationCandidates(analysis: ArticleAnalysis): Candidate[] {
  const found: { match: TriggerMatch<DelegationRule>; country: CountryCode; leader: string; leaderRole?: string; members: DelegationMember[] }[] = [];
  for (const match of findTriggers(analysis, DELEGATION_RULES)) {
    if (!isAsserted(analysis, match)) continue;
    const { sentence } = match;
    const named = delegationCountry(analysis, match);
    const stop = analysis.folded.indexOf(';', match.end);
    const limit = stop === -1 || stop > sentence.end ? sentence.end : stop;
    const persons = sentence.persons.filter((p) => p.country === undefined || named === undefined || p.country === named);
    const leader =
      match.rule.leader === 'after'
        ? persons.find((p) => p.start >= match.end && p.start - match.end <= LEADER_REACH && p.start < limit)
        : [...persons].reverse().find((p) => p.end <= match.start);
    // "The ministerial delegation accompanying Lula was led by …": the leader's country.
    const country = named ?? leader?.country;
    if (!leader || !country) continue;
    const members = persons
      .filter((p) => p.start > leader.end && p.start < limit && p.canonical !== leader.canonical)
      .map((p) => ({ name: p.canonical, role: p.role ?? 'member' }));
    found.push({ match, country, leader: leader.canonical, leaderRole: leader.role, members });
  }
  const delegationCountries = [...new Set(found.map((f) => f.country))];
  return found.flatMap(({ match, country, leader, leaderRole, members }) => {
    const partner = counterpart(analysis, match, country, delegationCountries);
    if (!partner) return [];
    return [
      {
        body: { type: 'DelegationListed' as const, country, leader, ...(leaderRole ? { leaderRole } : {}), members },
        countries: [country, partner] as [CountryCode, CountryCode],
        sentence: match.sentence,
        confidence: 0.8,
        day: null,
        month: null,
      },
    ];
  });
}

// The other side: another delegation of the article, else another country of the sentence, else
// the pair in focus, else the country the article names most often.
function counterpart(analysis: ArticleAnalysis, match: TriggerMatch, country: CountryCode, delegations: readonly CountryCode[]): CountryCode | undefined {
  const other = delegations.filter((c) => c !== country);
  if (other.length === 1) return other[0];
  const inSentence = actingCountries(match.sentence.actors).filter((c) => c !== country);
  if (inSentence.length === 1) return inSentence[0];
  const focus = analysis.focus[match.sentence.index];
  if (focus && focus.includes(country)) return focus.find((c) => c !== country);
  const counts = new Map<CountryCode, number>();
  for (const s of analysis.sentences) for (const c of actingCountries(s.actors)) if (c !== country) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
