import type { EventSubscription, LogCheckpoint, ReadAllOptions, StoredEvent, SubscribeOptions } from './event-store.port';
import { checkpointOf } from './log-checkpoint';
import { WakeSignal } from './wake-signal';

export interface SubscriptionSource {
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  listen(onNotify: () => void): Promise<() => Promise<void>>;
}

// Catch-up and live are one loop: read a batch after the checkpoint, hand it over, repeat; when
// the log has nothing new, sleep until a NOTIFY or the poll interval. Polling stays on because a
// NOTIFY can come before the event is readable (an older transaction still in flight holds
// it back) or be lost with the listening connection.
export class LogSubscription implements EventSubscription {
  private stopped = false;
  private readonly wake = new WakeSignal();
  private readonly done: Promise<void>;
  private readonly unlisten: Promise<(() => Promise<void>) | null>;

  constructor(
    private readonly source: SubscriptionSource,
    private position: LogCheckpoint | null,
    private readonly handle: (events: StoredEvent[]) => Promise<void>,
    private readonly options: SubscribeOptions = {},
  ) {
    this.unlisten = source.listen(() => this.wake.ring()).catch((error: unknown) => {
      this.report(error);
      return null;
    });
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake.ring();
    await this.done;
    await (await this.unlisten)?.().catch(() => undefined);
  }

  private async run(): Promise<void> {
    const minPollMs = this.options.minPollMs ?? 25;
    const maxPollMs = this.options.maxPollMs ?? 1_000;
    let pollMs = minPollMs;
    while (!this.stopped) {
      let failed = false;
      try {
        const events = await this.source.readAll({ after: this.position, limit: this.options.batchSize ?? 500 });
        if (events.length > 0 && !this.stopped) {
          await this.handle(events);
          this.position = checkpointOf(events[events.length - 1]);
          pollMs = minPollMs;
          continue;
        }
      } catch (error) {
        failed = true;
        this.report(error);
      }
      if (this.stopped) break;
      const nudged = await this.wake.wait(pollMs);
      pollMs = nudged && !failed ? minPollMs : Math.min(pollMs * 2, maxPollMs);
    }
  }

  private report(error: unknown): void {
    if (this.options.onError) this.options.onError(error);
    else console.error('Event subscription: read or handler failed, retrying', error);
  }
}
