import type {
  CommitmentCategory,
  CommitmentStatus,
  CountryCode,
  DelegationMember,
  Evidence,
  Participant,
  Place,
  Severity,
  TensionScope,
} from './facts';

// Events of the `relationship-<DYAD>` stream. Every fact event carries its own `factId` (the
// event id that retractions and `corroborates` name), the corpus schema keys at top level, and
// in metadata where it was read and when it happened (DESIGN §3).
export const RELATIONSHIP_SCHEMA_VERSION = 1;

export type ExtractorRef = { readonly name: string; readonly version: string };

export type FactMetadata = {
  readonly articleId: string;
  readonly evidence: Evidence;
  readonly extractor: ExtractorRef;
  readonly confidence: number;
  readonly occurredAt: string; // valid time, YYYY-MM-DD
  readonly occurredAtSource: 'text' | 'publishedAt';
  readonly publishedAt: string; // of the article, YYYY-MM-DD: an undated fact happened before it
  readonly recordedAt: string; // knowledge time, ISO instant of the append
  readonly schemaVersion: number;
};

export type RetractionMetadata = {
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly articleId?: string; // set when the whole article was retracted
};

type Event<Type extends string, Data, Metadata> = Readonly<{ type: Type; data: Readonly<Data>; metadata: Metadata }>;
type FactEventOf<Type extends string, Data> = Event<Type, Data & { factId: string; dyad: string }, FactMetadata>;

type MeetingKeys = {
  date: string | null;
  participants: readonly Participant[];
  location: Place | null;
  topics: readonly string[];
};
type DelegationKeys = {
  country: CountryCode;
  leader: string;
  leaderRole?: string;
  members: readonly DelegationMember[];
};
type CommitmentKeys = {
  promisor: CountryCode;
  beneficiary: CountryCode;
  category: CommitmentCategory;
  summary: string;
};
type TensionKeys = { scope: TensionScope; locus: CountryCode; subject: string };

// A status after the making; `made` itself is the CommitmentMade event.
export type LaterCommitmentStatus = Exclude<CommitmentStatus, 'made'>;

export type MeetingHeld = FactEventOf<'MeetingHeld', MeetingKeys>;
// The same meeting from another article (or another session of it): one more source.
export type MeetingCorroborated = FactEventOf<'MeetingCorroborated', MeetingKeys & { meetingId: string; corroborates: string }>;
export type DelegationListed = FactEventOf<'DelegationListed', DelegationKeys>;
// `impliedBy`: the commitment was first known from a report of its status (that fact's id).
export type CommitmentMade = FactEventOf<'CommitmentMade', CommitmentKeys & { impliedBy?: string }>;
export type CommitmentStatusChanged = FactEventOf<
  'CommitmentStatusChanged',
  CommitmentKeys & { commitmentId: string; status: LaterCommitmentStatus }
>;
export type TensionReported = FactEventOf<'TensionReported', TensionKeys & { tensionId: string; severity: Severity }>;
// `tensionId` is the tension it closes, or its own factId when no report of it is known.
export type TensionEased = FactEventOf<'TensionEased', TensionKeys & { tensionId: string }>;

// A candidate that repeats a known fact with nothing new; `corroborates` is that fact's id.
export type CorroboratedFact =
  | ({ factType: 'DelegationListed'; delegationId: string } & DelegationKeys)
  | ({ factType: 'CommitmentMade'; commitmentId: string } & CommitmentKeys)
  | ({ factType: 'CommitmentStatusChanged'; commitmentId: string; status: LaterCommitmentStatus } & CommitmentKeys)
  | ({ factType: 'TensionReported'; tensionId: string; severity: Severity } & TensionKeys)
  | ({ factType: 'TensionEased'; tensionId: string } & TensionKeys);
export type FactCorroborated = FactEventOf<'FactCorroborated', CorroboratedFact & { corroborates: string }>;

// `factId` names the retracted fact event.
export type FactRetracted = Event<'FactRetracted', { factId: string; reason: string }, RetractionMetadata>;

export type FactEvent =
  | MeetingHeld
  | MeetingCorroborated
  | DelegationListed
  | CommitmentMade
  | CommitmentStatusChanged
  | TensionReported
  | TensionEased
  | FactCorroborated;

export type RelationshipEvent = FactEvent | FactRetracted;
export type RelationshipEventType = RelationshipEvent['type'];

export const RELATIONSHIP_EVENT_TYPES: readonly RelationshipEventType[] = [
  'MeetingHeld',
  'MeetingCorroborated',
  'DelegationListed',
  'CommitmentMade',
  'CommitmentStatusChanged',
  'TensionReported',
  'TensionEased',
  'FactCorroborated',
  'FactRetracted',
];

export function isFactEvent(event: RelationshipEvent): event is FactEvent {
  return event.type !== 'FactRetracted';
}

export const TERMINAL_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['fulfilled', 'broken', 'withdrawn'];

export function isTerminalStatus(status: CommitmentStatus): boolean {
  return TERMINAL_COMMITMENT_STATUSES.includes(status);
}
