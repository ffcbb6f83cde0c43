import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleExtractor } from '@dyad/extraction';
import { percentile, round } from '../support/figures';

// Rule-based extraction on one core (this process's one thread) over the corpus texts: a warm-up
// pass, then as many articles as fit in a fixed time, each timed.
interface CorpusArticle {
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string;
  readonly language: string;
}

export interface ExtractionFigures {
  readonly run: string;
  readonly articles: number;
  readonly perSecond: number;
  // Per second of this process's CPU time: what one core does when other work shares the machine.
  readonly perCpuSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const CORPUS = join(__dirname, '../../../../test/fixtures/corpus');
export const CORPUS_FOLDERS = ['seed', 'dev', 'heldout'];

export function loadCorpus(): CorpusArticle[] {
  return CORPUS_FOLDERS.flatMap((folder) =>
    readdirSync(join(CORPUS, folder))
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(CORPUS, folder, file), 'utf8')) as CorpusArticle),
  );
}

export function measureExtraction(articles: readonly CorpusArticle[], durationMs: number): ExtractionFigures[] {
  const extractor = new RuleExtractor();
  return [
    measure('detected language', articles, durationMs, (a) => extractor.extract({ text: a.text, title: a.title, publishedAt: a.publishedAt })),
    measure('given language', articles, durationMs, (a) =>
      extractor.extract({ text: a.text, title: a.title, publishedAt: a.publishedAt, language: a.language }),
    ),
  ];
}

function measure(run: string, articles: readonly CorpusArticle[], durationMs: number, extract: (article: CorpusArticle) => unknown): ExtractionFigures {
  for (let pass = 0; pass < 5; pass += 1) for (const article of articles) extract(article);
  const durations: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  for (let i = 0; elapsedMs < durationMs; i += 1) {
    const t0 = process.hrtime.bigint();
    extract(articles[i % articles.length]);
    const t1 = process.hrtime.bigint();
    durations.push(Number(t1 - t0) / 1e6);
    elapsedMs = Number(t1 - started) / 1e6;
  }
  const cpu = process.cpuUsage(cpuBefore);
  durations.sort((a, b) => a - b);
  return {
    run,
    articles: durations.length,
    perSecond: Math.round((durations.length / elapsedMs) * 1000),
    perCpuSecond: Math.round((durations.length / ((cpu.user + cpu.system) / 1000)) * 1000),
    p50Ms: round(percentile(durations, 50), 3),
    p99Ms: round(percentile(durations, 99), 3),
  };
}
