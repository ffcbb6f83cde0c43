import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleExtractor } from './domain/extract-facts';
import { countMatches, scoreArticles, type ScoredEvent } from './domain/eval/score-facts';

// The annotated corpus (test/fixtures/corpus, a copy of shared/corpus) through the rule-based
// extractor, scored on SCHEMA.md's required keys. Prints a table per file and per event type.
interface AnnotatedArticle {
  readonly id: string;
  readonly language: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly text: string;
  readonly expected: { readonly events: readonly ScoredEvent[] };
}

const CORPUS = join(__dirname, '../../../test/fixtures/corpus');
const extractor = new RuleExtractor();

function load(folder: string): AnnotatedArticle[] {
  const dir = join(CORPUS, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as AnnotatedArticle);
}

function run(articles: readonly AnnotatedArticle[]) {
  return articles.map((article) => ({
    id: article.id,
    gold: article.expected.events,
    produced: extractor.extract({ text: article.text, title: article.title, publishedAt: article.publishedAt }).facts as unknown as ScoredEvent[],
  }));
}

function report(name: string, results: ReturnType<typeof run>): string {
  const lines = [`${name}: file      tp fp fn`];
  for (const result of results) {
    const counts = Object.values(countMatches(result.gold, result.produced)).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
    lines.push(`  ${result.id.padEnd(14)} ${String(counts.tp).padStart(2)} ${String(counts.fp).padStart(2)} ${String(counts.fn).padStart(2)}`);
  }
  const scores = scoreArticles(results);
  for (const [type, s] of [...Object.entries(scores.byType), ['overall', scores.overall] as const]) {
    lines.push(`  ${type.padEnd(24)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)}  (${s.truePositives}/${s.falsePositives}/${s.falseNegatives})`);
  }
  return lines.join('\n');
}

describe('the rule-based extractor on the annotated corpus', () => {
  it('should find every gold fact of the seed article and nothing else', () => {
    const results = run(load('seed'));
    process.stdout.write(`${report('seed', results)}\n`);
    const { overall } = scoreArticles(results);
    expect(overall.truePositives).toBe(6);
    expect(overall.falsePositives).toBe(0);
    expect(overall.falseNegatives).toBe(0);
  });

  it('should reach an overall F1 of 0.90 on the development articles', () => {
    const results = run(load('dev'));
    process.stdout.write(`${report('dev', results)}\n`);
    expect(scoreArticles(results).overall.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('should reach an overall F1 of 0.85 on the held-out articles', () => {
    const results = run(load('heldout'));
    process.stdout.write(`${report('heldout', results)}\n`);
    expect(scoreArticles(results).overall.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('should detect the language of every corpus article', () => {
    for (const article of [...load('seed'), ...load('dev'), ...load('heldout')]) {
      expect(extractor.extract({ text: article.text, title: article.title, publishedAt: article.publishedAt }).language).toBe(article.language);
    }
  });
});
