import { findApiKey, grants, parseApiKeys } from './api-keys';

const INGEST = 'ingest-key-0123456789';
const READER = 'reader-key-0123456789';
const ADMIN = 'admin-key-01234567890';

describe('API keys', () => {
  it('should parse keys with their scopes when the list is well formed', () => {
    const keys = parseApiKeys(`${INGEST}:ingest,read; ${READER}:read;${ADMIN}:admin;`);
    expect(keys.map((key) => [...key.scopes])).toEqual([['ingest', 'read'], ['read'], ['admin']]);
    expect(keys.every((key) => /^[0-9a-f]{12}$/.test(key.id))).toBe(true);
  });

  it('should find the key presented and nothing for an unknown or near miss', () => {
    const keys = parseApiKeys(`${INGEST}:ingest;${READER}:read`);
    expect(findApiKey(keys, READER)?.id).toBe(keys[1].id);
    expect(findApiKey(keys, `${READER}x`)).toBeNull();
    expect(findApiKey(keys, READER.slice(0, -1))).toBeNull();
    expect(findApiKey(keys, '')).toBeNull();
  });

  it('should grant admin every scope and the others only their own', () => {
    const [ingest, reader, admin] = parseApiKeys(`${INGEST}:ingest;${READER}:read;${ADMIN}:admin`);
    expect([grants(ingest, 'ingest'), grants(ingest, 'read'), grants(ingest, 'admin')]).toEqual([true, false, false]);
    expect([grants(reader, 'read'), grants(reader, 'ingest')]).toEqual([true, false]);
    expect([grants(admin, 'read'), grants(admin, 'ingest'), grants(admin, 'admin')]).toEqual([true, true, true]);
  });

  it.each([
    ['', 'holds no key'],
    ['justakeywithoutscopes01', 'entry 1 is not key:scope'],
    ['short:read', 'at least 16 characters'],
    [`${READER}:read,write`, 'unknown scope write'],
    [`${READER}:read;${READER}:admin`, 'entry 2 repeats an earlier key'],
  ])('should refuse %j without echoing a key', (value, message) => {
    expect(() => parseApiKeys(value)).toThrow(message);
    try {
      parseApiKeys(value);
    } catch (error) {
      expect((error as Error).message).not.toContain(READER);
    }
  });
});
