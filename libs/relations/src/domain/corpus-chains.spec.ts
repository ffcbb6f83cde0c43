import { CORPUS } from '../testing/corpus-articles';
import { comparable, ingest } from '../testing/corpus-replay';

// Every chain of the annotated corpus, replayed at the domain level: each file's `after` articles
// then the file itself, from facts built out of the gold annotations (plus restated background).

const chains = [...CORPUS.values()].map((article) => [article.id, article] as const);

describe('corpus chains at the domain level', () => {
  it.each(chains)('should give the gold state of every dyad when %s is ingested after its chain', (_id, article) => {
    const { view } = ingest([...article.after.map((id) => CORPUS.get(id)!), article]);
    for (const expected of article.state) {
      const actual = comparable(view(expected.dyad));
      expect(actual).toEqual({
        ...expected,
        commitments: [...expected.commitments].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      });
    }
  });

  it.each(chains)('should make the gold events of %s new facts and its background corroborations', (_id, article) => {
    const { decided } = ingest([...article.after.map((id) => CORPUS.get(id)!), article]);
    const events = decided.get(article.id) ?? [];
    const byFact = new Map(events.map((e) => [e.data.factId, e.type]));
    expect(article.gold.map((f) => byFact.get(f.factId))).toEqual(article.gold.map((f) => f.type));
    for (const fact of article.background) {
      expect([fact.type, byFact.get(fact.factId)]).toEqual([fact.type, expect.stringMatching(/Corroborated$/)]);
    }
  });
});
