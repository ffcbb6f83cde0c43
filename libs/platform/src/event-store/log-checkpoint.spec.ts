import { InvalidLogPositionError } from './event-store.errors';
import { compareLogCheckpoints, formatLogCheckpoint, parseLogCheckpoint } from './log-checkpoint';

describe('log checkpoint', () => {
  it('should parse what it formats when given any checkpoint', () => {
    const checkpoint = { transactionId: 18_446_744_073_709_551_615n, globalPosition: 9_007_199_254_740_993n };
    expect(parseLogCheckpoint(formatLogCheckpoint(checkpoint))).toEqual(checkpoint);
    expect(formatLogCheckpoint({ transactionId: 812n, globalPosition: 40n })).toBe('812.40');
  });

  it.each(['', '12', '12.', '.4', '-1.2', '1.2.3', 'a.b', '1e3.2', '18446744073709551616.1', '1.9223372036854775808'])('should reject "%s" when it is not a log position', (value) => {
    expect(() => parseLogCheckpoint(value)).toThrow(InvalidLogPositionError);
  });

  it('should order by transaction first and position second when comparing', () => {
    const early = { transactionId: 5n, globalPosition: 90n };
    const late = { transactionId: 6n, globalPosition: 10n };
    expect(compareLogCheckpoints(early, late)).toBeLessThan(0);
    expect(compareLogCheckpoints(late, early)).toBeGreaterThan(0);
    expect(compareLogCheckpoints(early, { ...early })).toBe(0);
    expect(compareLogCheckpoints(null, early)).toBeLessThan(0);
    expect(compareLogCheckpoints(null, null)).toBe(0);
  });
});
