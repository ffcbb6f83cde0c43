import type { FactType } from '@dyad/relations';
import { RuleExtractor } from '../extract-facts';
import { COMMITMENT_RULES } from './commitment.lexicon';
import { DELEGATION_RULES } from './delegation.lexicon';
import { MEETING_RULES } from './meeting.lexicon';
import { MODALITY_RULES } from './modality.lexicon';
import { STATUS_RULES } from './status.lexicon';
import { EASING_RULES, TENSION_RULES } from './tension.lexicon';
import type { TriggerRule } from './trigger-rule';

// Every rule of every lexicon: the sentence it comes with must yield its kind of fact, and its
// near miss must not. Published on a Friday, so weekdays resolve to the days before.
const extractor = new RuleExtractor();
const PUBLISHED = '2025-06-13';

function typesIn(rule: TriggerRule, text: string): FactType[] {
  return extractor.extract({ text, title: '', publishedAt: PUBLISHED, language: rule.language }).facts.map((fact) => fact.type);
}

const FACT_RULES: [string, readonly TriggerRule[], FactType][] = [
  ['meeting', MEETING_RULES, 'MeetingHeld'],
  ['commitment', COMMITMENT_RULES, 'CommitmentMade'],
  ['status', STATUS_RULES, 'CommitmentStatusChanged'],
  ['tension', TENSION_RULES, 'TensionReported'],
  ['easing', EASING_RULES, 'TensionEased'],
  ['delegation', DELEGATION_RULES, 'DelegationListed'],
];

describe.each(FACT_RULES)('the %s lexicon', (_kind, rules, type) => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('should catch its example when %s fires', (_id, rule) => {
    expect(typesIn(rule, rule.example)).toContain(type);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('should leave its near miss alone when %s does not apply', (_id, rule) => {
    expect(typesIn(rule, rule.nearMiss)).not.toContain(type);
  });
});

// A blocker's example is a sentence it blocks; its near miss the same fact asserted plainly.
describe('the modality lexicon', () => {
  it.each(MODALITY_RULES.map((rule) => [rule.id, rule] as const))('should block the fact in its example when %s applies', (_id, rule) => {
    const asserted = typesIn(rule, rule.nearMiss);
    expect(asserted.length).toBeGreaterThan(0);
    const blocked = typesIn(rule, rule.example);
    expect(blocked.filter((type) => asserted.includes(type))).toEqual([]);
  });
});
