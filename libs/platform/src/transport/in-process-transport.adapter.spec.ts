import { InProcessTransport } from './in-process-transport.adapter';
import { TransportClosedError } from './transport.errors';
import type { TransportMessage } from './transport.port';

const message = (key: string, value: string, topic = 'dyad.events.v1'): TransportMessage => ({ topic, key, value });

describe('InProcessTransport', () => {
  it('should resolve publish only after every group has handled the messages', async () => {
    const transport = new InProcessTransport();
    const seen: string[] = [];
    for (const group of ['projections', 'webhooks']) {
      await transport.consume({
        groupId: group,
        topics: ['dyad.events.v1'],
        handleBatch: async (messages) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          seen.push(...messages.map(({ value }) => `${group}:${value}`));
        },
      });
    }

    await transport.publish([message('s-1', 'a'), message('s-1', 'b')]);

    expect(seen).toEqual(['projections:a', 'projections:b', 'webhooks:a', 'webhooks:b']);
  });

  it('should hand each member its messages of a publish as one batch, in order per key, when a group has several', async () => {
    const transport = new InProcessTransport();
    const batches: Record<string, TransportMessage[][]> = { one: [], two: [] };
    for (const member of Object.keys(batches)) {
      await transport.consume({ groupId: 'g', topics: ['t'], handleBatch: async (messages) => void batches[member].push([...messages]) });
    }
    const keys = Array.from({ length: 20 }, (_, index) => `stream-${index}`);
    const sent = [1, 2, 3].flatMap((n) => keys.map((key) => message(key, `${key}:${n}`, 't')));

    await transport.publish(sent);
    await transport.publish(keys.map((key) => message(key, `${key}:4`, 't')));

    expect(batches.one).toHaveLength(2);
    expect(batches.two).toHaveLength(2);
    const [one, two] = [batches.one.flat(), batches.two.flat()];
    expect(one.filter(({ key }) => two.some((other) => other.key === key))).toEqual([]);
    for (const key of keys) {
      const received = [...one, ...two].filter((entry) => entry.key === key).map(({ value }) => value);
      expect(received).toEqual([1, 2, 3, 4].map((n) => `${key}:${n}`));
    }
  });

  it('should leave out of a batch the messages of topics the member does not consume', async () => {
    const transport = new InProcessTransport();
    const batches: string[][] = [];
    await transport.consume({ groupId: 'g', topics: ['t'], handleBatch: async (messages) => void batches.push(messages.map(({ value }) => value)) });

    await transport.publish([message('k', 'a', 't'), message('k', 'other', 'u'), message('k', 'b', 't')]);
    await transport.publish([message('k', 'other', 'u')]);

    expect(batches).toEqual([['a', 'b']]);
  });

  it('should reject publish when a handler throws, so that the publisher delivers again', async () => {
    const transport = new InProcessTransport();
    await transport.consume({
      groupId: 'g',
      topics: ['t'],
      handleBatch: async () => {
        throw new Error('projection failed');
      },
    });

    await expect(transport.publish([message('k', 'v', 't')])).rejects.toThrow('projection failed');
  });

  it('should deliver nothing to a consumer when it has stopped', async () => {
    const transport = new InProcessTransport();
    const seen: string[] = [];
    const subscription = await transport.consume({
      groupId: 'g',
      topics: ['t'],
      handleBatch: async (messages) => void seen.push(...messages.map(({ value }) => value)),
    });

    await transport.publish([message('k', 'before', 't')]);
    await subscription.stop();
    await transport.publish([message('k', 'after', 't')]);

    expect(seen).toEqual(['before']);
  });

  it('should refuse to publish when closed', async () => {
    const transport = new InProcessTransport();
    await transport.close();

    await expect(transport.publish([message('k', 'v')])).rejects.toBeInstanceOf(TransportClosedError);
    await expect(transport.health()).resolves.toEqual({ ok: false, detail: 'closed' });
  });
});
