import 'reflect-metadata';
import { runMain } from '@dyad/platform';
import { serve } from '../../apps/cli/src/commands/serve.command';

// `dyad serve` for the benchmark, in a process of its own so that its memory is its own. For
// each line on stdin it collects garbage (run with --expose-gc) and prints its memory as one
// JSON line. (Not a signal: Nest's shutdown hooks take SIGUSR2 and the like.)
process.stdin.setEncoding('utf8');
process.stdin.on('data', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ memory: { rss, heapUsed } })}\n`);
});

runMain(serve);
