import { assertSafeListen, isLoopback } from './listen-policy';

describe('listen policy', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('should allow %s without keys', (host) => {
    expect(isLoopback(host)).toBe(true);
    expect(() => assertSafeListen({ HOST: host, DYAD_API_KEYS: undefined })).not.toThrow();
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'dyad.example.org', '128.0.0.1'])('should refuse %s without keys in one line', (host) => {
    expect(() => assertSafeListen({ HOST: host, DYAD_API_KEYS: undefined })).toThrow(/^HOST=.* without DYAD_API_KEYS: .*$/);
  });

  it('should allow any address when keys are set', () => {
    expect(() => assertSafeListen({ HOST: '0.0.0.0', DYAD_API_KEYS: 'reader-key-0123456789:read' })).not.toThrow();
  });
});
