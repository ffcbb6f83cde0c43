import type { NewEvent, StoredEvent } from '@dyad/platform';
import { randomUUID } from 'node:crypto';
import { isRecordable } from '../domain/article-facts.validation';
import type { CandidateFact } from '../domain/facts';
import type { RecordArticleFacts, RelationshipCommand } from '../domain/relationship.commands';
import { decide } from '../domain/relationship.decider';
import { upcastRelationshipEvent } from '../domain/relationship-event.upcaster';
import { foldRelationship } from '../domain/relationship.state';
import { toNewEvent } from './relationship-event.mapping';

export type ArticleFactsInput = Omit<RecordArticleFacts['data'], 'facts'> & {
  readonly facts: readonly CandidateFact[];
};

// What a command adds to one relationship stream, decided against the stream as read: the
// events to append with the version that was read (the caller's append checks it).
export function planRelationshipCommand(streamEvents: readonly StoredEvent[], command: RelationshipCommand): NewEvent[] {
  const state = foldRelationship(streamEvents.map(upcastRelationshipEvent));
  return decide(command, state).map(toNewEvent);
}

// The facts one article brings to one relationship, each given its id. A malformed candidate
// (a promisor outside the dyad, say) is an extractor's mistake, not the article's: it is left
// out rather than refusing the article.
export function planArticleFacts(streamEvents: readonly StoredEvent[], input: ArticleFactsInput): NewEvent[] {
  const facts = input.facts.map((fact) => ({ ...fact, factId: randomUUID(), impliedFactId: randomUUID() })).filter(isRecordable);
  return planRelationshipCommand(streamEvents, { type: 'RecordArticleFacts', data: { ...input, facts } });
}
