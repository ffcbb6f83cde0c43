import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../database/database.port';
import type { EventStore, EventSubscription, LogCheckpoint, StoredEvent } from '../event-store/event-store.port';
import { checkpointOf } from '../event-store/log-checkpoint';
import { WakeSignal } from '../event-store/wake-signal';
import { eventMessage, TOPICS } from '../transport/topics';
import type { Transport } from '../transport/transport.port';
import { RelayLease } from './relay-lease';

export interface OutboxRelayOptions {
  // The checkpoint's key: relays with different names each publish the whole log.
  readonly name?: string;
  // Tests give their own topic; Dyad publishes to dyad.events.v1.
  readonly topic?: string;
  readonly batchSize?: number;
  // A relay that stops renewing (its process died) is replaced after this long.
  readonly leaseMs?: number;
  // Backoff between publish attempts while the broker is away.
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
  readonly logger?: Logger;
}

export interface RelayStatus {
  readonly state: 'stopped' | 'standby' | 'publishing';
  readonly checkpoint: LogCheckpoint | null;
  readonly lastError: string | null;
}

// Stops the batch in hand without an error report: the relay is stopping or stepping down.
class RelayInterrupted extends Error {}

// The log is the outbox (DESIGN §8): appends never wait for the broker. The relay reads the log
// in its gap-free order from its stored checkpoint, publishes each batch, and moves the
// checkpoint only once the broker has acknowledged the batch. A crash between the two
// publishes the batch again: delivery is at least once, and consumers are idempotent.
export class OutboxRelay {
  private readonly owner = randomUUID();
  private readonly lease: RelayLease;
  private readonly name: string;
  private readonly topic: string;
  private readonly leaseMs: number;
  private readonly sleep = new WakeSignal();
  private state: RelayStatus['state'] = 'stopped';
  private subscription: EventSubscription | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private ticking = false;
  private checkpoint: LogCheckpoint | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly store: EventStore,
    database: Database,
    private readonly transport: Transport,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.topic = options.topic ?? TOPICS.events;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.name = options.name ?? this.topic;
    this.lease = new RelayLease(database, this.name, this.owner, this.leaseMs);
  }

  // Takes the lease as soon as it is free, then publishes until stopped. Renews the lease three
  // times per lease period; a relay that finds it lost steps back to standby.
  start(): void {
    if (this.state !== 'stopped') return;
    this.state = 'standby';
    this.heartbeat = setInterval(() => void this.tick(), Math.max(this.leaseMs / 3, 10));
    // The relay alone must not keep a process alive that has nothing else to do.
    this.heartbeat.unref();
    void this.tick();
  }

  // Finishes or abandons the batch in hand, then hands the lease over.
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    const wasPublishing = this.state === 'publishing';
    this.state = 'stopped';
    clearInterval(this.heartbeat ?? undefined);
    this.sleep.ring();
    await this.subscription?.stop();
    this.subscription = null;
    if (wasPublishing) await this.lease.release().catch((error) => this.report('release the lease', error));
  }

  status(): RelayStatus {
    return { state: this.state, checkpoint: this.checkpoint, lastError: this.lastError };
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.state === 'stopped') return;
    this.ticking = true;
    try {
      if (this.state === 'publishing') {
        if (!(await this.lease.renew())) await this.stepDown();
        return;
      }
      const held = await this.lease.acquire();
      if (!held) return;
      // Stopped while the lease was being taken: hand it straight back.
      if (this.status().state === 'stopped') await this.lease.release();
      else this.publishFrom(held.checkpoint);
    } catch (error) {
      this.report('take or renew the lease', error);
    } finally {
      this.ticking = false;
    }
  }

  private publishFrom(checkpoint: LogCheckpoint | null): void {
    this.state = 'publishing';
    this.checkpoint = checkpoint;
    this.options.logger?.info({ relay: this.name, checkpoint: checkpoint && String(checkpoint.globalPosition) }, 'Relay publishing');
    this.subscription = this.store.subscribe(checkpoint, (events) => this.relay(events), {
      batchSize: this.options.batchSize ?? 500,
      onError: (error) => {
        if (!(error instanceof RelayInterrupted)) this.report('read the log or save the checkpoint', error);
      },
    });
  }

  private async stepDown(): Promise<void> {
    this.options.logger?.warn({ relay: this.name }, 'Relay lease taken by another process; standing by');
    this.state = 'standby';
    this.sleep.ring();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  private async relay(events: StoredEvent[]): Promise<void> {
    const messages = events.map((event) => ({ ...eventMessage(event), topic: this.topic }));
    await this.publishPatiently(messages);
    const last = checkpointOf(events[events.length - 1]);
    if (!(await this.lease.save(last))) {
      void this.stepDown();
      throw new RelayInterrupted('lease lost');
    }
    this.checkpoint = last;
    this.lastError = null;
  }

  // The broker may be away for minutes: keep the batch and try again, with backoff, until it
  // answers or the relay stops. Appends are unaffected meanwhile.
  private async publishPatiently(messages: Parameters<Transport['publish']>[0]): Promise<void> {
    let delayMs = this.options.retryInitialMs ?? 500;
    for (;;) {
      if (this.state !== 'publishing') throw new RelayInterrupted('relay stopped');
      try {
        await this.transport.publish(messages);
        return;
      } catch (error) {
        this.report(`publish ${messages.length} events; retrying in ${delayMs} ms`, error);
      }
      await this.sleep.wait(delayMs);
      delayMs = Math.min(delayMs * 2, this.options.retryMaxMs ?? 30_000);
    }
  }

  private report(what: string, error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    this.options.logger?.warn({ relay: this.name, error: this.lastError }, `Relay could not ${what}`);
  }
}
