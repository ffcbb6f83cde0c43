import { AppendCoalescer } from './append-coalescer';
import { planAppend, type AppendPlan } from './append-plan';
import type { AppendResult, StoredEvent } from './event-store.port';
import { ConcurrencyError } from './event-store.errors';

// A writer that records what it was asked and answers like the store would.
function fakeWriter(refuse: (plan: AppendPlan) => boolean = () => false) {
  const calls: AppendPlan[] = [];
  const write = async (plan: AppendPlan): Promise<AppendResult> => {
    calls.push(plan);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (refuse(plan)) throw new ConcurrencyError(plan.streams[0].streamId, '0', 1);
    const events = plan.events.map(
      (event, index) =>
        ({ eventId: event.eventId, streamId: event.streamId, streamPosition: event.ordinal, globalPosition: BigInt(index + 1), transactionId: 7n }) as StoredEvent,
    );
    return {
      streams: plan.streams.map((stream) => ({ streamId: stream.streamId, nextVersion: stream.added })),
      events,
      lastCheckpoint: { transactionId: 7n, globalPosition: BigInt(events.length) },
      alreadyAppended: false,
    };
  };
  return { calls, write };
}

const append = (streamId: string, count = 1) =>
  planAppend([{ streamId, expectedVersion: 'any', events: Array.from({ length: count }, () => ({ type: 'Tested', data: {} })) }]);

describe('AppendCoalescer', () => {
  it('should merge the appends that arrive while one is written when their streams differ', async () => {
    const merged = fakeWriter();
    const alone = fakeWriter();
    const coalescer = new AppendCoalescer(merged.write, alone.write, { maxInFlight: 1 });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((stream) => coalescer.append(append(stream, 2))));
    expect(alone.calls.map((plan) => plan.streams.map((stream) => stream.streamId))).toEqual([['a']]);
    expect(merged.calls.map((plan) => plan.streams.map((stream) => stream.streamId))).toEqual([['b', 'c', 'd']]);
    expect(merged.calls[0].events.map((event) => event.streamIndex)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(results.map((result) => result.streams.map((stream) => stream.streamId))).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(results[2].events.map((event) => event.streamId)).toEqual(['c', 'c']);
  });

  it('should keep two statements in flight by default when appends keep coming', async () => {
    const merged = fakeWriter();
    const alone = fakeWriter();
    const coalescer = new AppendCoalescer(merged.write, alone.write);
    await Promise.all(['a', 'b', 'c', 'd'].map((stream) => coalescer.append(append(stream))));
    expect(alone.calls.map((plan) => plan.streams[0].streamId)).toEqual(['a', 'b']);
    expect(merged.calls.map((plan) => plan.streams.map((stream) => stream.streamId))).toEqual([['c', 'd']]);
  });

  it('should write appends to one stream one after the other, in arrival order, when they arrive together', async () => {
    const order: string[] = [];
    const merged = fakeWriter();
    const alone = fakeWriter();
    const record = (write: typeof alone.write) => async (plan: AppendPlan) => {
      order.push(`start ${plan.events.map((event) => event.type).join(',')}`);
      const result = await write(plan);
      order.push(`end ${plan.events.map((event) => event.type).join(',')}`);
      return result;
    };
    const coalescer = new AppendCoalescer(record(merged.write), record(alone.write));
    const typed = (type: string) => planAppend([{ streamId: 's', expectedVersion: 'any', events: [{ type, data: {} }] }]);
    await Promise.all(['first', 'second', 'third'].map((type) => coalescer.append(typed(type))));
    expect(order).toEqual(['start first', 'end first', 'start second', 'end second', 'start third', 'end third']);
  });

  it('should never put two appends to one stream in the same statement when they arrive together', async () => {
    const merged = fakeWriter();
    const alone = fakeWriter();
    const coalescer = new AppendCoalescer(merged.write, alone.write);
    await Promise.all(['a', 'b', 'b', 'c'].map((stream) => coalescer.append(append(stream))));
    const statements = [...alone.calls, ...merged.calls].map((plan) => plan.streams.map((stream) => stream.streamId));
    statements.forEach((streams) => expect(new Set(streams).size).toBe(streams.length));
    expect(statements.flat().sort()).toEqual(['a', 'b', 'b', 'c']);
  });

  it('should write each append alone and answer each when a merged statement fails', async () => {
    const merged = fakeWriter(() => true);
    const alone = fakeWriter((plan) => plan.streams[0].streamId === 'c');
    const coalescer = new AppendCoalescer(merged.write, alone.write, { maxInFlight: 1 });
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd'].map((stream) => coalescer.append(append(stream))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect(alone.calls).toHaveLength(4);
  });

  it('should cap the events of one statement when many appends wait', async () => {
    const merged = fakeWriter();
    const alone = fakeWriter();
    const coalescer = new AppendCoalescer(merged.write, alone.write, { maxInFlight: 1, maxEventsPerStatement: 4 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((stream) => coalescer.append(append(stream, 2))));
    expect(merged.calls.map((plan) => plan.events.length)).toEqual([4, 4]);
  });
});
