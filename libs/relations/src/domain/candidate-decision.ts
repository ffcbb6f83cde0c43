import { compareIso } from './calendar-day';
import { commitmentsOf, findCommitment, sameStatusAround, statusAt } from './commitments';
import { delegationsOf, findDelegation } from './delegations';
import type { CandidateFact } from './facts';
import { findMeeting, meetingsOf } from './meetings';
import type { IdentifiedCandidate, RecordArticleFacts } from './relationship.commands';
import {
  isTerminalStatus,
  RELATIONSHIP_SCHEMA_VERSION,
  type CorroboratedFact,
  type FactEvent,
  type FactMetadata,
} from './relationship.events';
import { standingFacts, type RelationshipState } from './relationship.state';
import { tensionAssertionsOf, tensionEpisodes, type TensionAssertion } from './tensions';

type Article = RecordArticleFacts['data'];

// One candidate fact against what the relationship knows: new, a repeat of a known fact (a
// corroboration), or a change of a known commitment's status.
export function decideCandidate(candidate: IdentifiedCandidate, state: RelationshipState, article: Article): FactEvent[] {
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
