import { aCommitment, aDelegation, aMeeting } from '../testing/relationship.factories';
import { isRecordable } from './article-facts.validation';

describe('isRecordable', () => {
  it('should accept a candidate whose parties are the two countries of its dyad', () => {
    expect(isRecordable(aCommitment())).toBe(true);
    expect(isRecordable(aMeeting())).toBe(true);
  });

  it('should refuse a commitment whose promisor is outside the dyad', () => {
    const commitment = aCommitment();
    expect(isRecordable({ ...commitment, promisor: 'FR' } as typeof commitment)).toBe(false);
  });

  it('should refuse a delegation of a third country and a malformed dyad', () => {
    const delegation = aDelegation();
    expect(isRecordable({ ...delegation, country: 'FR' } as typeof delegation)).toBe(false);
    expect(isRecordable({ ...aMeeting(), dyad: 'RUSY' })).toBe(false);
  });
});
