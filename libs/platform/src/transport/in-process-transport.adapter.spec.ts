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
        handle: async ({ value }) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          seen.push(`${group}:${value}`);
        },
      });
    }

    await transport.publish([message('s-1', 'a'), message('s-1', 'b')]);

    expect(seen).toEqual(['projections:a', 'webhooks:a', 'projections:b', 'webhooks:b']);
  });

  it('should give each message to one member of a group when the group has several', async () => {
    const transport = new InProcessTransport();
    const byMember: Record<string, string[]> = { one: [], two: [] };
    for (const member of Object.keys(byMember)) {
      await transport.consume({ groupId: 'g', topics: ['t'], handle: async ({ key }) => void byMember[member].push(key) });
    }
    const keys = Array.from({ length: 40 }, (_, index) => `stream-${index}`);

    await transport.publish(keys.map((key) => message(key, 'v', 't')));

    expect([...byMember.one, ...byMember.two].sort()).toEqual([...keys].sort());
    expect(byMember.one.length).toBeGreaterThan(0);
    expect(byMember.two.length).toBeGreaterThan(0);
  });

  it('should reject publish when a handler throws, so that the publisher delivers again', async () => {
    const transport = new InProcessTransport();
    await transport.consume({
      groupId: 'g',
      topics: ['t'],
      handle: async () => {
        throw new Error('projection failed');
      },
    });

    await expect(transport.publish([message('k', 'v', 't')])).rejects.toThrow('projection failed');
  });

  it('should deliver nothing to a consumer when it has stopped', async () => {
    const transport = new InProcessTransport();
    const seen: string[] = [];
    const subscription = await transport.consume({ groupId: 'g', topics: ['t'], handle: async ({ value }) => void seen.push(value) });

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
