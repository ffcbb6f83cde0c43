import { cpus, loadavg } from 'node:os';
import { loadConfig } from '@dyad/platform/config/config.schema';
import { printTable } from '../support/figures';
import { CLIENTS, embeddedIngest, type IngestFigures, serverIngest } from './ingest-throughput';
import { CORPUS_FOLDERS, loadCorpus, measureExtraction } from './rule-extraction';

// `npm run bench:extract [-- rules embedded postgres]`: rule-based extraction on one core, then
// POST /v1/articles with 8 concurrent clients on the embedded store and on PostgreSQL + Kafka
// (DATABASE_URL names the server, a fresh database is made and dropped; KAFKA_BROKERS a broker).
// A table per part, then one JSON line.
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const EXTRACT_MS = 5_000;
const INGEST_SECONDS = 20;
const WARM_UP_SECONDS = 5;

async function main(): Promise<void> {
  const config = loadConfig();
  const chosen = process.argv.slice(2);
  const wanted = (part: string) => chosen.length === 0 || chosen.includes(part);
  console.log(`${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')} at start\n`);
  const line: Record<string, unknown> = { bench: 'extract' };

  if (wanted('rules')) {
    const corpus = loadCorpus();
    const meanChars = Math.round(corpus.reduce((sum, article) => sum + article.text.length, 0) / corpus.length);
    console.log(`rule-based extraction: ${corpus.length} corpus articles (${CORPUS_FOLDERS.join(', ')}; mean ${meanChars} chars), one core, ${EXTRACT_MS} ms per run after a warm-up`);
    const figures = measureExtraction(corpus, EXTRACT_MS);
    printTable(
      ['run', 'articles', 'articles/s', 'per CPU-s', 'p50 ms', 'p99 ms'],
      figures.map((f) => [f.run, f.articles, f.perSecond, f.perCpuSecond, f.p50Ms.toFixed(3), f.p99Ms.toFixed(3)]),
    );
    console.log('goal: >= 500 articles/s\n');
    line.extraction = { goal: 500, corpusArticles: corpus.length, meanChars, runs: figures };
  }

  const ingest: IngestFigures[] = [];
  if (wanted('embedded')) ingest.push(await embeddedIngest(INGEST_SECONDS, WARM_UP_SECONDS));
  if (wanted('postgres')) {
    if (config.KAFKA_BROKERS) {
      ingest.push(await serverIngest(config.DATABASE_URL ?? DEFAULT_URL, config.KAFKA_BROKERS.join(','), INGEST_SECONDS, WARM_UP_SECONDS));
    } else {
      console.log('PostgreSQL + Kafka skipped: KAFKA_BROKERS is not set (test/infra/kafka.sh start runs a broker)\n');
    }
  }
  if (ingest.length > 0) {
    console.log(`POST /v1/articles: ${CLIENTS} concurrent clients, every article distinct, ${INGEST_SECONDS} s after ${WARM_UP_SECONDS} s of warm-up`);
    printTable(
      ['store', 'articles/s', 'per Node CPU-s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'facts/article'],
      ingest.map((f) => [f.store, f.perSecond, f.perNodeCpuSecond, f.p50Ms, f.p99Ms, f.errors, f.non2xx, f.factsPerArticle]),
    );
    console.log('goal: >= 200 articles/s on PostgreSQL');
    line.ingest = { clients: CLIENTS, seconds: INGEST_SECONDS, goalPostgres: 200, runs: ingest };
  }
  console.log(JSON.stringify(line));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
