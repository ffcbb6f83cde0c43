import { randomUUID } from 'node:crypto';
import type { CandidateFact, Evidence } from '../domain/facts';
import type {
  IdentifiedCandidate,
  RecordArticleFacts,
  RelationshipCommand,
  RetractArticle,
  RetractFact,
} from '../domain/relationship.commands';
import { decide } from '../domain/relationship.decider';
import type { RelationshipEvent } from '../domain/relationship.events';
import { evolve, initialState } from '../domain/relationship.state';

// Factories for decider and view specs: each call makes fresh ids, so no two tests share data.
type Common = Pick<CandidateFact, 'dyad' | 'evidence' | 'confidence' | 'occurredAt' | 'occurredAtSource'>;
type Body<T extends CandidateFact['type']> = Omit<Extract<CandidateFact, { type: T }>, keyof Common | 'type'>;
type Overrides<T extends CandidateFact['type']> = Partial<Body<T> & Common>;

export function anEvidence(quote = 'as the article says'): Evidence {
  return { sentence: 0, start: 0, end: quote.length, quote };
}

function identified<T extends CandidateFact['type']>(type: T, body: Body<T>, overrides: Overrides<T>): IdentifiedCandidate {
  return {
    type,
    dyad: 'KP-RU',
    evidence: anEvidence(),
    confidence: 0.9,
    occurredAt: '2024-06-19',
    occurredAtSource: 'text',
    ...body,
    ...overrides,
    factId: randomUUID(),
    impliedFactId: randomUUID(),
  } as unknown as IdentifiedCandidate;
}

export function aMeeting(overrides: Overrides<'MeetingHeld'> = {}): IdentifiedCandidate {
  const date = overrides.date === undefined ? (overrides.occurredAt ?? '2024-06-19') : overrides.date;
  return identified(
    'MeetingHeld',
    { date, participants: [{ name: 'Vladimir Putin', country: 'RU' }], location: { city: 'Pyongyang', country: 'KP' }, topics: [] },
    { ...(date === null ? {} : { occurredAt: date }), ...overrides, date },
  );
}

export function aDelegation(overrides: Overrides<'DelegationListed'> = {}): IdentifiedCandidate {
  return identified('DelegationListed', { country: 'RU', leader: 'Sergei Lavrov', members: [] }, overrides);
}

export function aCommitment(overrides: Overrides<'CommitmentMade'> = {}): IdentifiedCandidate {
  return identified(
    'CommitmentMade',
    { promisor: 'RU', beneficiary: 'KP', category: 'security', summary: 'Assistance if attacked.' },
    overrides,
  );
}

export function aStatusChange(overrides: Overrides<'CommitmentStatusChanged'> = {}): IdentifiedCandidate {
  return identified(
    'CommitmentStatusChanged',
    { promisor: 'RU', beneficiary: 'KP', category: 'security', status: 'fulfilled', summary: 'Assistance given.' },
    overrides,
  );
}

export function aTension(overrides: Overrides<'TensionReported'> = {}): IdentifiedCandidate {
  return identified(
    'TensionReported',
    { scope: 'bilateral', locus: 'KP', subject: 'A quarrel', severity: 'medium' },
    overrides,
  );
}

export function anEasing(overrides: Overrides<'TensionEased'> = {}): IdentifiedCandidate {
  return identified('TensionEased', { scope: 'bilateral', locus: 'KP', subject: 'The quarrel ends' }, overrides);
}

// Each article is recorded a second after the previous one, as in a live log.
let clock = Date.parse('2026-01-01T00:00:00Z');
function nextInstant(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function recordArticle(
  facts: readonly IdentifiedCandidate[],
  overrides: Partial<RecordArticleFacts['data']> = {},
): RecordArticleFacts {
  return {
    type: 'RecordArticleFacts',
    data: {
      articleId: randomUUID(),
      dyad: facts[0]?.dyad ?? 'KP-RU',
      publishedAt: facts.reduce((latest, f) => (f.occurredAt > latest ? f.occurredAt : latest), '0000-01-01'),
      facts,
      extractor: { name: 'test', version: '1' },
      recordedAt: nextInstant(),
      ...overrides,
    },
  };
}

export function retractFact(factId: string, retractedAt = '2026-06-01T00:00:00.000Z'): RetractFact {
  return { type: 'RetractFact', data: { factId, reason: 'analyst correction', retractedAt } };
}

export function retractArticle(articleId: string, retractedAt = '2026-06-01T00:00:00.000Z'): RetractArticle {
  return { type: 'RetractArticle', data: { articleId, reason: 'article withdrawn', retractedAt } };
}

// The events a sequence of commands leaves in the stream: the "given" of a decider spec.
export function historyOf(...commands: readonly RelationshipCommand[]): RelationshipEvent[] {
  const events: RelationshipEvent[] = [];
  let state = initialState();
  for (const command of commands) {
    const decided = decide(command, state);
    events.push(...decided);
    state = decided.reduce(evolve, state);
  }
  return events;
}
