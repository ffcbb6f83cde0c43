import { parseDyadId, toDyadId } from './dyad-id';
import { RelationsError } from './relations.errors';

const known = new Set(['RU', 'SY', 'US', 'UA']);
const isKnownCountry = (code: string) => known.has(code);
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof RelationsError ? error.code : String(error);
  }
  return null;
};

describe('dyad id', () => {
  it('should sort the two codes when they come in either order', () => {
    expect(toDyadId('SY', 'RU')).toBe('RU-SY');
    expect(toDyadId('RU', 'SY')).toBe('RU-SY');
  });

  it('should normalise a dyad written in reverse or in lower case', () => {
    expect(parseDyadId('SY-RU')).toBe('RU-SY');
    expect(parseDyadId(' ua-us ', isKnownCountry)).toBe('UA-US');
  });

  it('should refuse a malformed dyad with RELATIONS.INVALID_DYAD', () => {
    for (const input of ['RUSY', 'RU-SY-UA', 'RUS-SY', 'R1-SY', 'RU-RU', '']) {
      expect(codeOf(() => parseDyadId(input))).toBe('RELATIONS.INVALID_DYAD');
    }
  });

  it('should refuse a well-formed code that names no country with RELATIONS.UNKNOWN_COUNTRY', () => {
    expect(codeOf(() => parseDyadId('RU-XX', isKnownCountry))).toBe('RELATIONS.UNKNOWN_COUNTRY');
  });
});
