import type { CountryCode, DelegationMember } from './facts';
import { groupBy } from './group-by';
import { nameKey } from './name-key';
import type { DelegationListed, FactCorroborated, FactEvent } from './relationship.events';

export type DelegationAssertion = DelegationListed | FactCorroborated;

export interface DelegationRecord {
  readonly id: string;
  readonly country: CountryCode;
  readonly leader: string;
  readonly leaderRole: string | null;
  readonly members: readonly DelegationMember[];
  readonly assertions: readonly DelegationAssertion[];
}

export function delegationsOf(facts: readonly FactEvent[]): DelegationRecord[] {
  const groups = groupBy<FactEvent, DelegationAssertion>(facts, delegationIdOf);
  return [...groups].map(([id, assertions]) => toRecord(id, assertions));
}

// The delegation a fact lists; null for facts of other kinds.
export function delegationIdOf(fact: FactEvent): string | null {
  if (fact.type === 'DelegationListed') return fact.data.factId;
  return fact.type === 'FactCorroborated' && fact.data.factType === 'DelegationListed' ? fact.data.delegationId : null;
}

// Same delegation: dyad + country + leader (DESIGN §4), the leader's name compared without
// case, accents or punctuation.
export function findDelegation(
  delegations: readonly DelegationRecord[],
  candidate: { readonly country: CountryCode; readonly leader: string },
): DelegationRecord | undefined {
  return delegations.find(
    (delegation) => delegation.country === candidate.country && nameKey(delegation.leader) === nameKey(candidate.leader),
  );
}

function toRecord(id: string, assertions: readonly DelegationAssertion[]): DelegationRecord {
  const keys = assertions.map(delegationKeys);
  const members = new Map<string, DelegationMember>();
  for (const member of keys.flatMap((key) => key.members)) {
    const key = nameKey(member.name ?? member.role);
    if (!members.has(key)) members.set(key, member);
  }
  return {
    id,
    country: keys[0].country,
    leader: keys[0].leader,
    leaderRole: keys.find((key) => key.leaderRole !== undefined)?.leaderRole ?? null,
    members: [...members.values()],
    assertions,
  };
}

function delegationKeys(fact: DelegationAssertion) {
  if (fact.type === 'DelegationListed') return fact.data;
  if (fact.data.factType !== 'DelegationListed') throw new Error(`Not a delegation: ${fact.data.factId}`);
  return fact.data;
}
