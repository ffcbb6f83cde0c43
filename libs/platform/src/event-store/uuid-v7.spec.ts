import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('should carry version 7, the RFC variant and the time when made', () => {
    const id = uuidV7(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
  });

  it('should sort ids of later milliseconds after earlier ones when compared as text', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((time) => uuidV7(time));
    expect([...ids].sort()).toEqual(ids);
  });

  it('should never repeat itself when many are made in one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidV7(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
