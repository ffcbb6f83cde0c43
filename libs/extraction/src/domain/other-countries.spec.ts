import { RuleExtractor } from './extract-facts';
import articles from './other-countries.articles.json';
import { factKey } from '../testing/fact-key';

// Articles written for these tests about countries and phrasings the annotated corpus does not
// have (Japan–South Korea, Niger–France, Algeria–France, China–Canada, Egypt–Qatar–US–Israel,
// France–Morocco, Russia–Hungary–Moldova, US–Philippines, Armenia–Azerbaijan, India–Pakistan,
// Vietnam–Philippines, Norway–Poland, Turkey–Iraq, Morocco–Mauritania, Romania–Moldova, Senegal–Spain…) and stories with no relationship event (sport, business, disasters, elections), French and English. Each lists the
// facts it must yield, as "type dyad-or-parties keys", and nothing else.
const extractor = new RuleExtractor();

describe('the rule-based extractor on articles about other countries', () => {
  it.each(articles.map((article) => [article.id, article.title, article] as const))('should report exactly the expected facts when reading %s (%s)', (_id, _title, article) => {
    const facts = extractor.extract({ text: article.text, title: article.title, publishedAt: article.publishedAt }).facts;
    expect(facts.map(factKey).sort()).toEqual(article.expected);
  });
});
