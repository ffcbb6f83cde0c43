import { validateArticleFacts } from './article-facts.validation';
import { decideCandidate } from './candidate-decision';
import type { RecordArticleFacts, RelationshipCommand, RetractArticle, RetractFact } from './relationship.commands';
import { RELATIONSHIP_SCHEMA_VERSION, type FactRetracted, type RelationshipEvent } from './relationship.events';
import { evolve, initialState, standingFacts, type RelationshipState } from './relationship.state';
import { RelationsError } from './relations.errors';

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
