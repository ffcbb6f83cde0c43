import { AsyncMutex } from '../database/async-mutex';
import type { ConsumerOptions, Transport, TransportMessage, TransportSubscription } from './transport.port';
import { keyHash } from './key-hash';
import { TransportClosedError } from './transport.errors';

interface Member {
  readonly topics: ReadonlySet<string>;
  readonly handleBatch: ConsumerOptions['handleBatch'];
}

// Embedded mode: no broker, no retention. `publish` hands one member of every consumer group its
// share of the messages, as one batch, and resolves only when all of them have handled theirs, so
// a relay that stores its checkpoint after `publish` has the same guarantee as with Kafka. A
// handler's throw rejects the publish: the relay keeps its checkpoint and delivers the batch again.
export class InProcessTransport implements Transport {
  readonly kind = 'in-process';
  private readonly groups = new Map<string, Member[]>();
  // One publish at a time keeps every key in order across concurrent publishers.
  private readonly deliveries = new AsyncMutex();
  private closed = false;

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    this.assertOpen();
    await this.deliveries.runExclusive(async () => {
      for (const members of this.groups.values()) {
        for (const [member, batch] of shareOut(members, messages)) await member.handleBatch(batch);
      }
    });
  }

  async consume(options: ConsumerOptions): Promise<TransportSubscription> {
    this.assertOpen();
    const member: Member = { topics: new Set(options.topics), handleBatch: options.handleBatch };
    const members = this.groups.get(options.groupId) ?? [];
    this.groups.set(options.groupId, [...members, member]);
    return {
      stop: async () => {
        const remaining = (this.groups.get(options.groupId) ?? []).filter((other) => other !== member);
        if (remaining.length > 0) this.groups.set(options.groupId, remaining);
        else this.groups.delete(options.groupId);
      },
    };
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    return this.closed ? { ok: false, detail: 'closed' } : { ok: true };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.groups.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new TransportClosedError('The in-process transport is closed');
  }
}

// Each member's messages, in publish order. Like a partition, a key always reaches the same member
// while the group is unchanged.
function shareOut(members: readonly Member[], messages: readonly TransportMessage[]): Map<Member, TransportMessage[]> {
  const batches = new Map<Member, TransportMessage[]>();
  for (const message of messages) {
    const subscribed = members.filter((member) => member.topics.has(message.topic));
    if (subscribed.length === 0) continue;
    const member = subscribed[keyHash(message.key) % subscribed.length];
    const batch = batches.get(member);
    if (batch) batch.push(message);
    else batches.set(member, [message]);
  }
  return batches;
}
