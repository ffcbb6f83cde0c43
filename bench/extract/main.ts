import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleExtractor } from '@dyad/extraction';

// Rule-based extraction throughput on one core over the corpus texts (seed and dev), with the
// language detected and with the language given. Prints a table, then one JSON line.
interface CorpusArticle {
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string;
  readonly language: string;
}

const CORPUS = join(__dirname, '../../../../test/fixtures/corpus');
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);

function load(): CorpusArticle[] {
  return ['seed', 'dev'].flatMap((folder) =>
    readdirSync(join(CORPUS, folder))
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(CORPUS, folder, file), 'utf8')) as CorpusArticle),
  );
}

function measure(name: string, articles: readonly CorpusArticle[], run: (article: CorpusArticle) => void) {
  for (const article of articles) run(article); // warm-up: JIT, caches
  const durations: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let elapsed = 0;
  for (let i = 0; elapsed < DURATION_MS; i++) {
    const t0 = process.hrtime.bigint();
    run(articles[i % articles.length]);
    const t1 = process.hrtime.bigint();
    durations.push(Number(t1 - t0) / 1e6);
    elapsed = Number(t1 - started) / 1e6;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  durations.sort((a, b) => a - b);
  return {
    name,
    articles: durations.length,
    articlesPerSecond: Math.round((durations.length / elapsed) * 1000),
    // Per second of CPU time: what one core does when other processes share the machine.
    articlesPerCpuSecond: Math.round((durations.length / cpuMs) * 1000),
    meanMs: Number((durations.reduce((a, b) => a + b, 0) / durations.length).toFixed(3)),
    p95Ms: Number(durations[Math.floor(durations.length * 0.95)].toFixed(3)),
  };
}

const articles = load();
const built = process.hrtime.bigint();
const extractor = new RuleExtractor();
const buildMs = Number(process.hrtime.bigint() - built) / 1e6;
const meanChars = Math.round(articles.reduce((sum, a) => sum + a.text.length, 0) / articles.length);
const results = [
  measure('detected language', articles, (a) => extractor.extract({ text: a.text, title: a.title, publishedAt: a.publishedAt })),
  measure('given language', articles, (a) => extractor.extract({ text: a.text, title: a.title, publishedAt: a.publishedAt, language: a.language })),
];

console.log(`rule-based extraction, ${articles.length} corpus articles (mean ${meanChars} chars), one core, ${DURATION_MS} ms per run`);
console.log(`extractor built in ${buildMs.toFixed(1)} ms`);
console.log('run                 articles/s  per CPU-s   mean ms   p95 ms');
for (const r of results) {
  console.log(`${r.name.padEnd(20)}${String(r.articlesPerSecond).padStart(10)}${String(r.articlesPerCpuSecond).padStart(11)}${r.meanMs.toFixed(3).padStart(10)}${r.p95Ms.toFixed(3).padStart(9)}`);
}
console.log(JSON.stringify({ bench: 'extract', goal: 500, meanChars, buildMs: Number(buildMs.toFixed(1)), results }));
