import { gunzipSync } from 'node:zlib';
import { SharedBodies } from './shared-bodies';

describe('SharedBodies', () => {
  const view = JSON.stringify({ commitments: Array.from({ length: 200 }, (_, n) => ({ id: n, summary: 'Russia promised investment' })) });

  it('should send gzip to a client that accepts it, and the same text once decompressed', () => {
    const encoded = new SharedBodies(1_000_000).encode('RU-SY', view, 'gzip, deflate, br');
    expect(encoded.encoding).toBe('gzip');
    expect(gunzipSync(encoded.body as Buffer).toString('utf8')).toBe(view);
    expect((encoded.body as Buffer).length).toBeLessThan(view.length / 5);
  });

  it('should compress a text once for every request that shares it', () => {
    const bodies = new SharedBodies(1_000_000);
    expect(bodies.encode('RU-SY', view, 'gzip').body).toBe(bodies.encode('RU-SY', view, 'gzip').body);
  });

  it.each([[undefined], ['identity'], ['br'], ['gzip;q=0']])('should send the text as it is for Accept-Encoding %p', (accept) => {
    expect(new SharedBodies(1_000_000).encode('RU-SY', view, accept)).toEqual({ body: view, encoding: null });
  });

  it('should compress again when the text under a key changes', () => {
    const bodies = new SharedBodies(1_000_000);
    const changed = view.replace('investment', 'financial support');
    expect(gunzipSync(bodies.encode('RU-SY', view, 'gzip').body as Buffer).toString('utf8')).toBe(view);
    expect(gunzipSync(bodies.encode('RU-SY', changed, 'gzip').body as Buffer).toString('utf8')).toBe(changed);
  });

  it('should compress again a text that its bound made it forget', () => {
    const bodies = new SharedBodies(view.length);
    const first = bodies.encode('RU-SY', view, 'gzip').body;
    bodies.encode('CN-US', view, 'gzip');
    expect(bodies.encode('RU-SY', view, 'gzip').body).not.toBe(first);
  });

  it('should send every text as it is when it may keep none', () => {
    expect(new SharedBodies(0).encode('RU-SY', view, 'gzip')).toEqual({ body: view, encoding: null });
  });

  it('should not compress a small body', () => {
    expect(new SharedBodies(1_000_000).encode('RU-SY', '{"dyad":"RU-SY"}', 'gzip')).toEqual({ body: '{"dyad":"RU-SY"}', encoding: null });
  });
});
