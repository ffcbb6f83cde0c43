import { compareIso } from './calendar-day';
import { commitmentsOf, findCommitment, sameStatusAround, statusAt } from './commitments';
import { delegationsOf, findDelegation } from './delegations';
import type { CandidateFact } from './facts';
import { findMeeting, meetingsOf } from './meetings';
import { validateArticleFacts } from './article-facts.validation';
import type { IdentifiedCandidate, RecordArticleFacts, RelationshipCommand, RetractArticle, RetractFact } from './relationship.commands';
import {
  isTerminalStatus,
  RELATIONSHIP_SCHEMA_VERSION,
  type CorroboratedFact,
  type FactEvent,
  type FactMetadata,
  type FactRetracted,
  type RelationshipEvent,
} from './relationship.events';
import { evolve, initialState, standingFacts, type RelationshipState } from './relationship.state';
import { RelationsError } from './relations.errors';
import { tensionAssertionsOf, tensionEpisodes, type TensionAssertion } from './tensions';

// The relationship aggregate: which of an article's candidate facts are new, which repeat a
// known fact, which change a commitment's status; and the retractions. Pure: ids and times
// come in with the command.
export function decide(command: RelationshipCommand, state: RelationshipState): RelationshipEvent[] {
  switch (command.type) {
    case 'RecordArticleFacts':
      return recordArticleFacts(command, state);
    case 'RetractFact':
      return retractFact(command, state);
    case 'RetractArticle':
      return retractArticle(command, state);
    default: {
      const unexpected: never = command;
      throw new Error(`Unhandled relationship command ${(unexpected as RelationshipCommand).type}`);
    }
  }
}

export const relationshipDecider = { decide, evolve, initialState };

function recordArticleFacts(command: RecordArticleFacts, state: RelationshipState): RelationshipEvent[] {
  const dyad = validateArticleFacts(command.data, state.dyad);
  // An article is recorded once per dyad: a redelivered command changes nothing.
  if (state.facts.some((fact) => fact.metadata.articleId === command.data.articleId)) return [];
  const decided: RelationshipEvent[] = [];
  let current = state;
  // Each candidate is decided against what the article's earlier candidates added, so two
  // sessions of one meeting in the same article are one meeting.
  for (const candidate of command.data.facts) {
    const events = decideCandidate({ ...candidate, dyad }, current, command.data);
    decided.push(...events);
    current = events.reduce(evolve, current);
  }
  return decided;
}

type Article = RecordArticleFacts['data'];

function decideCandidate(candidate: IdentifiedCandidate, state: RelationshipState, article: Article): FactEvent[] {
  const standing = standingFacts(state);
  const metadata = factMetadata(candidate, article);
  const base = { factId: candidate.factId, dyad: candidate.dyad };
  const corroboration = (fact: CorroboratedFact, corroborates: string): FactEvent => ({
    type: 'FactCorroborated',
    data: { ...base, ...fact, corroborates },
    metadata,
  });

  switch (candidate.type) {
    case 'MeetingHeld': {
      const keys = { date: candidate.date, participants: candidate.participants, location: candidate.location, topics: candidate.topics };
      const meeting = findMeeting(meetingsOf(standing), { ...keys, publishedAt: article.publishedAt });
      return meeting
        ? [
            {
              type: 'MeetingCorroborated',
              data: { ...base, ...keys, meetingId: meeting.id, corroborates: meeting.assertions[0].data.factId },
              metadata,
            },
          ]
        : [{ type: 'MeetingHeld', data: { ...base, ...keys }, metadata }];
    }
    case 'DelegationListed': {
      const keys = {
        country: candidate.country,
        leader: candidate.leader,
        ...(candidate.leaderRole === undefined ? {} : { leaderRole: candidate.leaderRole }),
        members: candidate.members,
      };
      const delegation = findDelegation(delegationsOf(standing), candidate);
      return delegation
        ? [corroboration({ factType: 'DelegationListed', delegationId: delegation.id, ...keys }, delegation.assertions[0].data.factId)]
        : [{ type: 'DelegationListed', data: { ...base, ...keys }, metadata }];
    }
    case 'CommitmentMade':
      return decideCommitmentMade(candidate, standing, metadata, corroboration);
    case 'CommitmentStatusChanged': {
      const keys = { promisor: candidate.promisor, beneficiary: candidate.beneficiary, category: candidate.category, summary: candidate.summary };
      if (candidate.status === 'made') {
        return decideCommitmentMade({ ...candidate, ...keys, type: 'CommitmentMade' }, standing, metadata, corroboration);
      }
      const status = candidate.status;
      const commitment = findCommitment(commitmentsOf(standing), candidate, candidate.occurredAt);
      // A status with no known commitment: the commitment is recorded as made (implied by the
      // report, same evidence), then changed. Its history then reads made → status.
      if (!commitment) {
        return [
          { type: 'CommitmentMade', data: { ...keys, factId: candidate.impliedFactId, dyad: candidate.dyad, impliedBy: candidate.factId }, metadata },
          { type: 'CommitmentStatusChanged', data: { ...base, ...keys, commitmentId: candidate.impliedFactId, status }, metadata },
        ];
      }
      const same = sameStatusAround(commitment, candidate.occurredAt, status);
      if (same !== null) {
        return [corroboration({ factType: 'CommitmentStatusChanged', commitmentId: commitment.id, status, ...keys }, same.changeId)];
      }
      return [{ type: 'CommitmentStatusChanged', data: { ...base, ...keys, commitmentId: commitment.id, status }, metadata }];
    }
    case 'TensionReported':
    case 'TensionEased':
      return [decideTension(candidate, standing, metadata, corroboration)];
    default: {
      const unexpected: never = candidate;
      throw new Error(`Unhandled candidate fact ${(unexpected as CandidateFact).type}`);
    }
  }
}

type Corroboration = (fact: CorroboratedFact, corroborates: string) => FactEvent;

// While a commitment is not closed, repeating it is background (a corroboration) unless the text
// presents it as renewed (a reaffirmation). Once it is closed (fulfilled, broken, withdrawn), a
// repeat is still background — articles recall old deals when reporting their outcome (corpus
// dev-07, dev-09) — unless it is renewed or dated after the closing: then it is a new promise.
function decideCommitmentMade(
  candidate: IdentifiedCandidate & { type: 'CommitmentMade' },
  standing: readonly FactEvent[],
  metadata: FactMetadata,
  corroboration: Corroboration,
): FactEvent[] {
  const keys = { promisor: candidate.promisor, beneficiary: candidate.beneficiary, category: candidate.category, summary: candidate.summary };
  const made: FactEvent = { type: 'CommitmentMade', data: { factId: candidate.factId, dyad: candidate.dyad, ...keys }, metadata };
  const commitment = findCommitment(commitmentsOf(standing), candidate, candidate.occurredAt);
  if (!commitment) return [made];
  const now = statusAt(commitment, candidate.occurredAt);
  const madeFactId = commitment.makings[0]?.data.factId ?? commitment.id;
  const corroborateMaking = () => corroboration({ factType: 'CommitmentMade', commitmentId: commitment.id, ...keys }, madeFactId);
  if (now !== null && now !== 'made' && isTerminalStatus(now.status)) {
    const datedAfterClosing = candidate.occurredAtSource === 'text' && candidate.occurredAt > now.fact.metadata.occurredAt;
    return candidate.renewed || datedAfterClosing ? [made] : [corroborateMaking()];
  }
  if (!candidate.renewed || now === null) return [corroborateMaking()];
  const same = sameStatusAround(commitment, candidate.occurredAt, 'reaffirmed');
  if (same !== null) {
    return [corroboration({ factType: 'CommitmentStatusChanged', commitmentId: commitment.id, status: 'reaffirmed', ...keys }, same.changeId)];
  }
  return [
    {
      type: 'CommitmentStatusChanged',
      data: { factId: candidate.factId, dyad: candidate.dyad, ...keys, commitmentId: commitment.id, status: 'reaffirmed' },
      metadata,
    },
  ];
}

// The candidate is placed among the known reports and easings in valid time; its role in the
// episode it lands in decides: the first report of an episode is a TensionReported, the easing
// that closes it a TensionEased, anything else a corroboration.
function decideTension(
  candidate: IdentifiedCandidate & { type: 'TensionReported' | 'TensionEased' },
  standing: readonly FactEvent[],
  metadata: FactMetadata,
  corroboration: Corroboration,
): FactEvent {
  const kind = candidate.type === 'TensionReported' ? 'report' : 'ease';
  const severity = candidate.type === 'TensionReported' ? candidate.severity : null;
  const placed: TensionAssertion = {
    kind,
    factId: candidate.factId,
    tensionId: candidate.factId,
    scope: candidate.scope,
    locus: candidate.locus,
    subject: candidate.subject,
    severity,
    occurredAt: candidate.occurredAt,
    recordedAt: metadata.recordedAt,
    sequence: Number.MAX_SAFE_INTEGER,
    articleId: metadata.articleId,
  };
  const episode = tensionEpisodes([...tensionAssertionsOf(standing), placed]).find((e) =>
    [...e.reports, ...e.easings].some((a) => a.factId === placed.factId),
  );
  if (!episode) throw new Error('A placed tension belongs to an episode');
  const keys = { scope: candidate.scope, locus: candidate.locus, subject: candidate.subject, tensionId: episode.id };
  const base = { factId: candidate.factId, dyad: candidate.dyad };
  const others = (kind === 'report' ? episode.reports : episode.easings)
    .filter((a) => a.factId !== placed.factId)
    .sort((a, b) => compareIso(a.recordedAt, b.recordedAt) || a.sequence - b.sequence);
  if (candidate.type === 'TensionReported') {
    return others.length > 0
      ? corroboration({ factType: 'TensionReported', ...keys, severity: candidate.severity }, others[0].factId)
      : { type: 'TensionReported', data: { ...base, ...keys, severity: candidate.severity }, metadata };
  }
  return others.length > 0
    ? corroboration({ factType: 'TensionEased', ...keys }, others[0].factId)
    : { type: 'TensionEased', data: { ...base, ...keys }, metadata };
}

function retractFact(command: RetractFact, state: RelationshipState): RelationshipEvent[] {
  const { factId, reason, retractedAt } = command.data;
  if (!state.facts.some((fact) => fact.data.factId === factId)) {
    throw new RelationsError('RELATIONS.FACT_NOT_FOUND', `No fact ${factId} on this relationship`, { factId });
  }
  if (state.retractions.has(factId)) {
    throw new RelationsError('RELATIONS.FACT_ALREADY_RETRACTED', `Fact ${factId} is already retracted`, { factId });
  }
  return [retraction(factId, reason, retractedAt)];
}

// Everything the article asserted goes. A meeting, commitment or tension that other articles
// also report stays, supported by their facts; one that only this article reported disappears.
function retractArticle(command: RetractArticle, state: RelationshipState): RelationshipEvent[] {
  const { articleId, reason, retractedAt } = command.data;
  return standingFacts(state)
    .filter((fact) => fact.metadata.articleId === articleId)
    .map((fact) => retraction(fact.data.factId, reason, retractedAt, articleId));
}

function retraction(factId: string, reason: string, recordedAt: string, articleId?: string): FactRetracted {
  return {
    type: 'FactRetracted',
    data: { factId, reason },
    metadata: {
      recordedAt: new Date(recordedAt).toISOString(),
      schemaVersion: RELATIONSHIP_SCHEMA_VERSION,
      ...(articleId ? { articleId } : {}),
    },
  };
}

function factMetadata(candidate: CandidateFact, article: Article): FactMetadata {
  return {
    articleId: article.articleId,
    evidence: candidate.evidence,
    extractor: article.extractor,
    confidence: candidate.confidence,
    occurredAt: candidate.occurredAt,
    occurredAtSource: candidate.occurredAtSource,
    publishedAt: article.publishedAt,
    recordedAt: new Date(article.recordedAt).toISOString(),
    schemaVersion: RELATIONSHIP_SCHEMA_VERSION,
  };
}
