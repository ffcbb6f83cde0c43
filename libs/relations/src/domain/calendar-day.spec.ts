import fc from 'fast-check';
import { atOrBefore } from './calendar-day';

describe('atOrBefore', () => {
  const instants = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

  it('should order instants as Dyad writes them exactly as their times', () => {
    fc.assert(fc.property(instants, instants, (instant, limit) => atOrBefore(limit)(instant.toISOString()) === instant.getTime() <= limit.getTime()));
  });

  it('should parse instants written in any other form', () => {
    const limit = new Date('2024-06-19T12:00:00.000Z');
    expect(atOrBefore(limit)('2024-06-19T12:00:00Z')).toBe(true);
    expect(atOrBefore(limit)('2024-06-19T14:00:00+02:00')).toBe(true);
    expect(atOrBefore(limit)('2024-06-19T14:00:01+02:00')).toBe(false);
    expect(atOrBefore(limit)('2024-06-19T11:59:59.999Z')).toBe(true);
    expect(atOrBefore(limit)('2024-06-19T12:00:00.001Z')).toBe(false);
  });

  it('should parse when the limit is beyond the years written in four digits', () => {
    expect(atOrBefore(new Date('+010000-01-01T00:00:00.000Z'))('2024-06-19T12:00:00.000Z')).toBe(true);
  });
});
