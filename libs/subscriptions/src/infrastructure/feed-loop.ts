import { WakeSignal, type Database } from '@dyad/platform';

// Commits of the feed NOTIFY this channel: the SSE hub, the Kafka relay and the webhook
// deliverer wake at once instead of waiting for their next poll.
export const FEED_CHANNEL = 'dyad_commitment_changes';

export interface FeedLoopOptions {
  readonly database: Database;
  // Runs one step; true when there may be more to do at once.
  readonly step: () => Promise<boolean>;
  // Polling stays on: a NOTIFY is lost while the listening connection is down.
  readonly pollMs: number;
  readonly onError: (error: unknown) => void;
}

// A loop that steps while there is work, then sleeps until a NOTIFY on the feed channel or the
// poll interval, whichever comes first. A failed step waits one poll interval, then goes on.
export class FeedLoop {
  private readonly wake = new WakeSignal();
  private stopped = false;
  private done: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly options: FeedLoopOptions) {}

  async start(): Promise<void> {
    this.unlisten = await this.options.database.listen(FEED_CHANNEL, () => this.wake.ring()).catch((error: unknown) => {
      this.options.onError(error);
      return null;
    });
    this.done = this.run();
  }

  ring(): void {
    this.wake.ring();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.ring();
    await this.done;
    await this.unlisten?.().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let more = false;
      try {
        more = await this.options.step();
      } catch (error) {
        this.options.onError(error);
      }
      if (!more && !this.stopped) await this.wake.wait(this.options.pollMs);
    }
  }
}
