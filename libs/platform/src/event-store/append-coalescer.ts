import type { AppendPlan } from './append-plan';
import type { AppendResult } from './event-store.port';
import { lastCheckpointOf } from './append-events.operation';

interface Pending {
  readonly plan: AppendPlan;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface AppendCoalescerOptions {
  // Statements in flight at once; appends that arrive meanwhile wait and go together. One makes
  // the largest batches (least CPU per event); two let the database work on one statement while
  // this process prepares the next, and keep one slow append (its stream locked by another
  // process's transaction) from holding up all the others.
  readonly maxInFlight?: number;
  readonly maxEventsPerStatement?: number;
}

// Group commit in the application: appends that arrive while others are being written are sent
// together as one statement (one round trip, one plan, one commit). Appends merged this way
// succeed or fail together, so when a merged statement fails, each append is written again on
// its own and gets its own answer (conflict, retry, idempotent replay). Appends to one stream are
// written one after the other in the order they came: the second expects the version the first
// one makes.
export class AppendCoalescer {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  // Streams of the statements in flight: a later append to one of them waits for its answer.
  private readonly busyStreams = new Set<string>();
  private readonly maxInFlight: number;
  private readonly maxEvents: number;

  constructor(
    private readonly writeMerged: (plan: AppendPlan) => Promise<AppendResult>,
    private readonly writeAlone: (plan: AppendPlan) => Promise<AppendResult>,
    options: AppendCoalescerOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxEvents = options.maxEventsPerStatement ?? 1_000;
  }

  append(plan: AppendPlan): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ plan, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const group = this.takeGroup();
      if (group.length === 0) return;
      const streams = group.flatMap((pending) => pending.plan.streams.map((stream) => stream.streamId));
      streams.forEach((streamId) => this.busyStreams.add(streamId));
      this.inFlight += 1;
      void this.write(group).finally(() => {
        streams.forEach((streamId) => this.busyStreams.delete(streamId));
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  // Takes, in arrival order, the appends that touch no stream already taken or in flight.
  private takeGroup(): Pending[] {
    const group: Pending[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let index = 0; index < this.queue.length; ) {
      const pending = this.queue[index];
      const clash = pending.plan.streams.some((stream) => streams.has(stream.streamId) || this.busyStreams.has(stream.streamId));
      const full = group.length > 0 && events + pending.plan.events.length > this.maxEvents;
      // A skipped append also reserves its streams, so that no later append to them overtakes it.
      if (clash || full) {
        pending.plan.streams.forEach((stream) => streams.add(stream.streamId));
        index += 1;
        continue;
      }
      group.push(pending);
      pending.plan.streams.forEach((stream) => streams.add(stream.streamId));
      events += pending.plan.events.length;
      this.queue.splice(index, 1);
    }
    return group;
  }

  private async write(group: Pending[]): Promise<void> {
    if (group.length > 1) {
      try {
        const merged = await this.writeMerged(mergePlans(group.map((pending) => pending.plan)));
        group.forEach((pending) => pending.resolve(resultFor(pending.plan, merged)));
        return;
      } catch {
        // Nothing of the merged statement was written; each append gets its own answer below.
      }
    }
    await Promise.all(group.map((pending) => this.writeAlone(pending.plan).then(pending.resolve, pending.reject)));
  }
}

function mergePlans(plans: readonly AppendPlan[]): AppendPlan {
  let streamOffset = 0;
  const events = plans.flatMap((plan) => {
    const shifted = plan.events.map((event) => ({ ...event, streamIndex: event.streamIndex + streamOffset }));
    streamOffset += plan.streams.length;
    return shifted;
  });
  return { streams: plans.flatMap((plan) => plan.streams), events, idsChosenByCaller: false };
}

function resultFor(plan: AppendPlan, merged: AppendResult): AppendResult {
  const streamIds = new Set(plan.streams.map((stream) => stream.streamId));
  const events = merged.events.filter((event) => streamIds.has(event.streamId));
  return {
    streams: merged.streams.filter((stream) => streamIds.has(stream.streamId)),
    events,
    lastCheckpoint: lastCheckpointOf(events),
    alreadyAppended: false,
  };
}
