import type { RecordArticleFacts } from '../domain/relationship.commands';
import { decide } from '../domain/relationship.decider';
import type { FactEvent, RelationshipEvent } from '../domain/relationship.events';
import { stateAt, type RelationshipView } from '../domain/relationship-view';
import { evolve, initialState, type RelationshipState } from '../domain/relationship.state';
import type { CorpusArticle } from './corpus-articles';

// Articles of the corpus recorded one after the other on their relationship streams, as the
// ingestion would: one command per dyad an article touches, a second apart.
const NOW = new Date('2030-01-01T00:00:00Z');

export function ingest(articles: readonly CorpusArticle[]) {
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
          recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
        },
      };
      const events = decide(command, stream.state);
      streams.set(dyad, { state: events.reduce(evolve, stream.state), events: [...stream.events, ...events] });
      out.push(...(events as FactEvent[]));
    }
    decided.set(article.id, out);
  });
  const view = (dyad: string): RelationshipView =>
    stateAt(streams.get(dyad)?.events ?? [], { dyad, asOf: NOW, knownAt: NOW });
  return { decided, view, dyads: () => [...streams.keys()].sort() };
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

