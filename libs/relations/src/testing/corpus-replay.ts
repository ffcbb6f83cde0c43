import type { RecordArticleFacts } from '../domain/relationship.commands';
import { decide } from '../domain/relationship.decider';
import type { FactEvent, RelationshipEvent } from '../domain/relationship.events';
import { stateAt, type RelationshipView } from '../domain/relationship-view';
import { evolve, initialState, type RelationshipState } from '../domain/relationship.state';
import type { CorpusArticle } from './corpus-articles';

// Articles of the corpus recorded one after the other on their relationship streams, as the
// ingestion would: one command per dyad an article touches, a second apart.
const NOW = new Date('2030-01-01T00:00:00Z');


export interface ReplayOptions {
  // Articles withdrawn once everything is recorded: their facts are retracted on every stream.
  readonly retract?: readonly string[];
}

export function ingest(articles: readonly CorpusArticle[], options: ReplayOptions = {}) {
  const streams = new Map<string, { state: RelationshipState; events: RelationshipEvent[] }>();
  const decided = new Map<string, FactEvent[]>();
  articles.forEach((article, index) => {
    const facts = [...article.gold, ...article.background];
    const out: FactEvent[] = [];
    for (const dyad of [...new Set(facts.map((f) => f.dyad))].sort()) {
      const stream = streams.get(dyad) ?? { state: initialState(), events: [] };
      const command: RecordArticleFacts = {
        type: 'RecordArticleFacts',
        data: {
          articleId: article.id,
          dyad,
          publishedAt: article.publishedAt,
          facts: facts.filter((f) => f.dyad === dyad),
          extractor: { name: 'gold', version: '1' },
          recordedAt: recordedAtOf(index),
        },
      };
      const events = decide(command, stream.state);
      streams.set(dyad, { state: events.reduce(evolve, stream.state), events: [...stream.events, ...events] });
      out.push(...(events as FactEvent[]));
    }
    decided.set(article.id, out);
  });
  for (const articleId of options.retract ?? []) {
    for (const [dyad, stream] of streams) {
      const events = decide({ type: 'RetractArticle', data: { articleId, reason: 'withdrawn', retractedAt: NOW.toISOString() } }, stream.state);
      streams.set(dyad, { state: events.reduce(evolve, stream.state), events: [...stream.events, ...events] });
    }
  }
  const view = (dyad: string, at: { asOf?: Date; knownAt?: Date } = {}): RelationshipView =>
    stateAt(streams.get(dyad)?.events ?? [], { dyad, asOf: at.asOf ?? NOW, knownAt: at.knownAt ?? NOW });
  const events = (dyad: string): readonly RelationshipEvent[] => streams.get(dyad)?.events ?? [];
  return { decided, view, events, dyads: () => [...streams.keys()].sort() };
}

export function comparable(view: RelationshipView) {
  return {
    dyad: view.dyad,
    meetings: view.meetings.count,
    commitments: view.commitments
      .map(({ promisor, beneficiary, category, status }) => ({ promisor, beneficiary, category, status }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    openTensions: view.openTensions,
  };
}


// When the article at this place in the replay was recorded.
export function recordedAtOf(index: number): string {
  return new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString();
}

// What of a view must not depend on arrival order, retractions or knowledge time: everything but
// ids, recorded times and evidence.
export function orderFree(view: RelationshipView) {
  return {
    ...comparable(view),
    meetingDays: view.meetings.items.map((m) => m.date ?? m.day),
    delegations: view.delegations.length,
    tensions: view.tensions.map((t) => [t.scope, t.status, t.reportedAt, t.easedAt]),
    histories: view.commitments
      .map((c) => `${c.promisor}>${c.beneficiary}:${c.category}:${c.history.map((h) => `${h.status}@${h.occurredAt}`).join(',')}`)
      .sort(),
    score: view.score,
  };
}

