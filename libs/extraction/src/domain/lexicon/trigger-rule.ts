import type { CommitmentStatus, TensionScope } from '@dyad/relations';
import type { Language } from '../language/language';

// One rule of the extractor's lexicons. Patterns run on folded sentence text (lower case, no
// accents, straight quotes). Each rule names its source and carries a sentence it must catch
// and a near miss it must not; the lexicon spec runs both through the whole extractor.
export interface TriggerRule {
  readonly id: string;
  readonly language: Language;
  readonly pattern: RegExp;
  readonly source: string;
  readonly example: string;
  readonly nearMiss: string;
}

// How a meeting trigger finds who met: any two acting countries in the sentence; an object right
// after the verb ("met X", "a reçu X"); an agent after "par"/"by" ("accueilli par X"); or two named
// signatories of different countries.
// A visit names its destination instead: "visited Athens", "s'est rendu à Séoul".
export type MeetingFrame = 'participants' | 'object' | 'agent' | 'signatories' | 'destination';

export interface MeetingRule extends TriggerRule {
  readonly frame: MeetingFrame;
  // A noun ("la rencontre", "talks") rather than a verb: background when a preposition governs it.
  readonly nominal?: boolean;
}

export interface CommitmentRule extends TriggerRule {
  // Both parties promise ("agreed to", "signed an agreement on …", "chacune des parties").
  readonly mutual?: boolean;
  // A clause of a treaty: new only when the article reports the treaty being concluded.
  readonly treatyClause?: boolean;
  // The verb may be a bare participle after a noun ("weapons promised to Ukraine"): it needs a subject.
  readonly needsSubject?: boolean;
  // The promisor is named after the verb: the agent after "by"/"par" in the passive ("a loan was
  // approved by China"), or the object of a binding text ("le texte engage l'Allemagne à").
  readonly promisorAfter?: 'agent' | 'object';
  readonly confidence: number;
}

export interface StatusRule extends TriggerRule {
  readonly status: CommitmentStatus;
  // The negation is the rule ("n'a pas été tenu", "was not kept"): it does not block it.
  readonly negated?: boolean;
}

// Where a bilateral tension is felt: the subject who protests ("summoned", "a convoqué"), the
// object who bears it ("berated", "humiliation infligée à"), or unmarked.
export type LocusRole = 'subject' | 'object' | 'unmarked';

export interface TensionRule extends TriggerRule {
  readonly scope: TensionScope;
  readonly locus: LocusRole;
  readonly severity: 'low' | 'medium' | 'high';
  readonly nominal?: boolean;
}

export type EasingRule = TriggerRule;

export interface DelegationRule extends TriggerRule {
  // Where the leader's name sits: after "by/par", or before the verb ("X led the delegation").
  readonly leader: 'after' | 'before';
}

export type ModalityKind = 'negation' | 'speculation' | 'condition' | 'question' | 'background' | 'not-a-meeting';

// A blocker: the fact is not asserted as having happened (or, for 'not-a-meeting', is a phone
// call, a summons, an arrival). `scope` says where it must sit relative to the trigger in the clause.
export interface ModalityRule extends TriggerRule {
  readonly kind: ModalityKind;
  readonly scope: 'before' | 'after' | 'clause';
}
