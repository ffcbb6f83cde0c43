import { IngestArticleCommand, type IngestedFacts } from '@dyad/articles';
import { scoreArticles, type ScoredEvent, type Scores } from '@dyad/extraction';
import { GetRelationshipStateQuery, type RelationshipView } from '@dyad/relations';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { dirname } from 'node:path';
import { collectArticleFiles, readArticleFile, type ArticleFile, type CorpusExpectation } from '../article-files';
import { startRuntime } from '../runtime';

export interface EvalOptions {
  readonly json?: boolean;
  readonly minF1?: string;
}

interface FileResult {
  readonly id: string;
  readonly gold: readonly ScoredEvent[];
  readonly produced: readonly ScoredEvent[];
  readonly stateFailures: readonly string[];
}

// Each annotated file is ingested after its `after` chain into a fresh in-memory Dyad; the new
// facts of the last article are scored against its gold events, and each expected dyad state is
// checked against the relationship view.
export async function evaluate(paths: readonly string[], options: EvalOptions): Promise<number> {
  const files = await loadCorpus(paths);
  const results: FileResult[] = [];
  for (const file of files.filter((candidate) => candidate.expected)) {
    results.push(await evaluateFile(file, files));
  }
  const scores = scoreArticles(results);
  const stateFailures = results.flatMap((result) => result.stateFailures.map((failure) => `${result.id}: ${failure}`));
  if (options.json) console.log(JSON.stringify({ scores, files: results.map(summarise), stateFailures }, null, 2));
  else printReport(results, scores, stateFailures);
  const minF1 = options.minF1 === undefined ? null : Number(options.minF1);
  return minF1 !== null && (scores.overall.f1 < minF1 || stateFailures.length > 0) ? 1 : 0;
}

async function loadCorpus(paths: readonly string[]): Promise<ArticleFile[]> {
  const given = await collectArticleFiles(paths);
  // The chains of the files asked for may live beside them.
  const folders = [...new Set(given.map((path) => dirname(path)))];
  const all = await collectArticleFiles([...new Set([...given, ...(await collectArticleFiles(folders))])]);
  const files = await Promise.all(all.filter((path) => path.endsWith('.json')).map((path) => readArticleFile(path)));
  const wanted = new Set(given);
  return files.sort((a, b) => Number(wanted.has(b.path)) - Number(wanted.has(a.path)) || a.id.localeCompare(b.id));
}

async function evaluateFile(file: ArticleFile, corpus: readonly ArticleFile[]): Promise<FileResult> {
  const byId = new Map(corpus.map((candidate) => [candidate.id, candidate]));
  const chain = [...file.after.map((id) => byId.get(id)), file];
  const { app } = await startRuntime({
    env: { DYAD_DATA_DIR: 'memory://', DATABASE_URL: '', KAFKA_BROKERS: '' },
    with: 'worker',
  });
  try {
    const commandBus = app.get(CommandBus);
    let last: IngestedFacts | null = null;
    for (const article of chain) {
      if (!article) throw new Error(`${file.id}: a file of its 'after' chain is missing`);
      last = await commandBus.execute(new IngestArticleCommand(article.submission));
    }
    const produced = (last?.events ?? []).filter((fact) => !fact.corroborates) as ScoredEvent[];
    const expected = file.expected as CorpusExpectation;
    const stateFailures = await checkStates(app.get(QueryBus), expected.state, last?.position ?? undefined);
    return { id: file.id, gold: expected.events as ScoredEvent[], produced, stateFailures };
  } finally {
    await app.close();
  }
}

async function checkStates(queryBus: QueryBus, states: CorpusExpectation['state'], position: string | undefined): Promise<string[]> {
  const failures: string[] = [];
  for (const expected of states) {
    let view: RelationshipView;
    try {
      view = await queryBus.execute(new GetRelationshipStateQuery(expected.dyad, undefined, undefined, position));
    } catch (error) {
      failures.push(`${expected.dyad}: ${(error as Error).message}`);
      continue;
    }
    if (view.meetings.count !== expected.meetings) {
      failures.push(`${expected.dyad}: ${view.meetings.count} meetings, expected ${expected.meetings}`);
    }
    if (view.openTensions !== expected.openTensions) {
      failures.push(`${expected.dyad}: ${view.openTensions} open tensions, expected ${expected.openTensions}`);
    }
    const key = (c: { promisor: string; beneficiary: string; category: string; status: string }) =>
      `${c.promisor}→${c.beneficiary} ${c.category} ${c.status}`;
    const actual = view.commitments.map(key).sort();
    const wanted = expected.commitments.map(key).sort();
    if (actual.join('|') !== wanted.join('|')) {
      failures.push(`${expected.dyad}: commitments [${actual.join(', ')}], expected [${wanted.join(', ')}]`);
    }
  }
  return failures;
}

function summarise(result: FileResult) {
  const matched = scoreArticles([result]).overall;
  return { id: result.id, gold: result.gold.length, produced: result.produced.length, ...matched, stateFailures: result.stateFailures };
}

function printReport(results: readonly FileResult[], scores: Scores, stateFailures: readonly string[]): void {
  const pct = (value: number) => value.toFixed(2).padStart(5);
  console.log('file            gold  prod   tp   fp   fn  state');
  for (const result of results) {
    const s = summarise(result);
    console.log(
      `${s.id.padEnd(14)} ${String(s.gold).padStart(5)} ${String(s.produced).padStart(5)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}  ${result.stateFailures.length === 0 ? 'ok' : 'FAIL'}`,
    );
  }
  console.log('\ntype                      precision  recall    f1');
  for (const [type, score] of [...Object.entries(scores.byType), ['overall', scores.overall] as const]) {
    console.log(`${type.padEnd(25)} ${pct(score.precision)}     ${pct(score.recall)}  ${pct(score.f1)}`);
  }
  console.log(`\nstate checks: ${stateFailures.length === 0 ? 'all pass' : `${stateFailures.length} failed`}`);
  for (const failure of stateFailures) console.log(`  ${failure}`);
}
