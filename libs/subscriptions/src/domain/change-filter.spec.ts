import type { CommitmentChange } from './commitment-change';
import { matchesFilter } from './change-filter';

const change = { dyad: 'RU-SY', category: 'energy', to: 'fulfilled' } as CommitmentChange;

describe('matchesFilter', () => {
  it('should match every change when the filter is empty', () => {
    expect(matchesFilter({}, change)).toBe(true);
  });

  it('should match when every given key agrees, the status being the one the change leads to', () => {
    expect(matchesFilter({ dyad: 'RU-SY', category: 'energy', status: 'fulfilled' }, change)).toBe(true);
  });

  it.each([{ dyad: 'FR-SY' }, { category: 'trade' }, { status: 'made' }] as const)('should not match when %o differs', (filter) => {
    expect(matchesFilter(filter, change)).toBe(false);
  });
});
