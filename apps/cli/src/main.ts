import 'reflect-metadata';
import { runMain } from '@dyad/platform';
import { Command } from 'commander';
import { evaluate } from './commands/eval.command';
import { ingest } from './commands/ingest.command';
import { rebuild } from './commands/rebuild.command';
import { serve } from './commands/serve.command';

const program = new Command('dyad')
  .description('Relations between countries, tracked from the news as events')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the API and the worker in one process (embedded store unless DATABASE_URL is set)')
  .action(() => runMain(serve));

program
  .command('ingest')
  .description('ingest articles: corpus JSON files, or .txt/.md files (first line = title) with --published-at')
  .argument('<paths...>', 'files or folders')
  .option('--published-at <date>', 'publication date for text files (YYYY-MM-DD)')
  .option('--api <url>', 'send to a running Dyad instead of writing to the store directly (key in DYAD_API_KEY)')
  .option('--json', 'print the summary as JSON')
  .action((paths: string[], options) => runMain(async () => (process.exitCode = await ingest(paths, options))));

program
  .command('eval')
  .description('score extraction and state against annotated corpus files: precision, recall, F1, state checks')
  .argument('<paths...>', 'corpus files or folders')
  .option('--json', 'print the scores as JSON')
  .option('--min-f1 <f1>', 'exit 1 when overall F1 is below this or a state check fails')
  .action((paths: string[], options) => runMain(async () => (process.exitCode = await evaluate(paths, options))));

program
  .command('rebuild')
  .description('drop read models and replay them from the log')
  .argument('[read-model]', 'one read model (default: all)')
  .action((name: string | undefined) => runMain(async () => (process.exitCode = await rebuild(name))));

program.parseAsync().catch((error: unknown) => {
  console.error(`dyad: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
