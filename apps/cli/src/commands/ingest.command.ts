import { IngestArticleCommand, type ArticleSubmission, type IngestedFacts } from '@dyad/articles';
import { isCodedError, loadConfig } from '@dyad/platform';
import { CommandBus } from '@nestjs/cqrs';
import { SingleBar } from 'cli-progress';
import { ArticleFileError, collectArticleFiles, readArticleFile } from '../article-files';
import { startRuntime } from '../runtime';

export interface IngestOptions {
  readonly publishedAt?: string;
  readonly api?: string;
  readonly json?: boolean;
}

interface Outcome {
  readonly path: string;
  readonly result: 'ingested' | 'duplicate' | 'rejected';
  readonly facts: number;
  readonly reason?: string;
}

type Submit = (submission: ArticleSubmission) => Promise<IngestedFacts>;

// Many articles at once, in process or through a running API (`--api`), with a progress bar on
// stderr and a summary on stdout. A refused article is reported and the others go on.
export async function ingest(paths: readonly string[], options: IngestOptions): Promise<number> {
  const files = await collectArticleFiles(paths);
  const { submit, close } = options.api ? overHttp(options.api) : await inProcess();
  const bar = new SingleBar({ format: 'ingesting [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true });
  bar.start(files.length, 0, { file: '' });
  const outcomes: Outcome[] = [];
  try {
    for (const path of files) {
      bar.update({ file: path });
      outcomes.push(await ingestOne(path, options.publishedAt, submit));
      bar.increment();
    }
  } finally {
    bar.stop();
    await close();
  }
  report(outcomes, options.json ?? false);
  return outcomes.some((outcome) => outcome.result === 'rejected') ? 2 : 0;
}

async function ingestOne(path: string, publishedAt: string | undefined, submit: Submit): Promise<Outcome> {
  try {
    const file = await readArticleFile(path, publishedAt);
    const result = await submit(file.submission);
    return { path, result: result.duplicate ? 'duplicate' : 'ingested', facts: result.events.length };
  } catch (error) {
    if (error instanceof ArticleFileError || isCodedError(error)) {
      return { path, result: 'rejected', facts: 0, reason: error.message };
    }
    throw error;
  }
}

async function inProcess(): Promise<{ submit: Submit; close: () => Promise<void> }> {
  const { app } = await startRuntime({});
  const commandBus = app.get(CommandBus);
  return {
    submit: (submission) => commandBus.execute(new IngestArticleCommand(submission)),
    close: () => app.close(),
  };
}

class ApiRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function overHttp(baseUrl: string): { submit: Submit; close: () => Promise<void> } {
  const url = new URL('/v1/articles', baseUrl);
  return {
    submit: async (submission) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization() },
        body: JSON.stringify(submission),
      });
      const body = (await response.json()) as IngestedFacts & { error?: { code: string; message: string } };
      if (body.error) throw new ApiRefusal(body.error.code, `${response.status} ${body.error.code}: ${body.error.message}`);
      return body;
    },
    close: async () => undefined,
  };
}

// The key for a remote API comes from the environment so that it never shows in a process list.
function authorization(): Record<string, string> {
  const key = loadConfig().DYAD_API_KEY;
  return key ? { authorization: `Bearer ${key}` } : {};
}

function report(outcomes: readonly Outcome[], json: boolean): void {
  const count = (result: Outcome['result']) => outcomes.filter((outcome) => outcome.result === result).length;
  const summary = { ingested: count('ingested'), duplicates: count('duplicate'), rejected: count('rejected') };
  if (json) {
    console.log(JSON.stringify({ ...summary, articles: outcomes }));
    return;
  }
  console.log(`ingested ${summary.ingested}, duplicates ${summary.duplicates}, rejected ${summary.rejected}`);
  for (const outcome of outcomes.filter((candidate) => candidate.result === 'rejected')) {
    console.log(`  rejected ${outcome.path}: ${outcome.reason}`);
  }
}
