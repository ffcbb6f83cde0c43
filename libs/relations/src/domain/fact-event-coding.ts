import { dyadCountries } from './dyad-id';
import { codeFact, meetingVenue, type CodableFact, type EventCode } from './event-coding';
import type { CountryCode, Place } from './facts';
import type { FactCorroborated, FactEvent } from './relationship.events';

// A fact event as a directed event record (actor → recipient) for CAMEO/PLOVER exports. A
// corroboration is coded as the fact it confirms.
export interface CodedFactEvent extends EventCode {
  readonly actor: CountryCode;
  readonly recipient: CountryCode;
}

type Pair = readonly [CountryCode, CountryCode];
type Direction = { readonly actor: CountryCode; readonly recipient: CountryCode };

export function codeFactEvent(fact: FactEvent): CodedFactEvent {
  const pair = dyadCountries(fact.data.dyad);
  const toward = (actor: CountryCode) => from(actor, pair);
  switch (fact.type) {
    case 'MeetingHeld':
    case 'MeetingCorroborated':
      return coded({ type: 'MeetingHeld', venue: meetingVenue(fact.data.location, pair) }, visit(fact.data.location, pair));
    case 'DelegationListed':
      return coded({ type: 'DelegationListed' }, toward(fact.data.country));
    case 'CommitmentMade':
      return coded({ type: 'CommitmentMade', category: fact.data.category }, toward(fact.data.promisor));
    case 'CommitmentStatusChanged':
      return coded(
        { type: 'CommitmentStatusChanged', category: fact.data.category, status: fact.data.status },
        toward(fact.data.promisor),
      );
    case 'TensionReported':
      return coded({ type: 'TensionReported', scope: fact.data.scope, severity: fact.data.severity }, against(fact.data.locus, pair));
    case 'TensionEased':
      return coded({ type: 'TensionEased', scope: fact.data.scope }, against(fact.data.locus, pair));
    case 'FactCorroborated':
      return codeCorroboration(fact.data, pair);
    default: {
      const unexpected: never = fact;
      throw new Error(`Uncoded fact event ${(unexpected as FactEvent).type}`);
    }
  }
}

function codeCorroboration(data: FactCorroborated['data'], pair: Pair): CodedFactEvent {
  switch (data.factType) {
    case 'DelegationListed':
      return coded({ type: 'DelegationListed' }, from(data.country, pair));
    case 'CommitmentMade':
      return coded({ type: 'CommitmentMade', category: data.category }, from(data.promisor, pair));
    case 'CommitmentStatusChanged':
      return coded({ type: 'CommitmentStatusChanged', category: data.category, status: data.status }, from(data.promisor, pair));
    case 'TensionReported':
      return coded({ type: 'TensionReported', scope: data.scope, severity: data.severity }, against(data.locus, pair));
    case 'TensionEased':
      return coded({ type: 'TensionEased', scope: data.scope }, against(data.locus, pair));
    default: {
      const unexpected: never = data;
      throw new Error(`Uncoded corroboration ${(unexpected as { factType: string }).factType}`);
    }
  }
}

function coded(codable: CodableFact, direction: Direction): CodedFactEvent {
  return { ...codeFact(codable), ...direction };
}

function from(actor: CountryCode, pair: Pair): Direction {
  return { actor, recipient: pair[0] === actor ? pair[1] : pair[0] };
}

// The visitor acts toward the host; elsewhere the pair meets as equals (alphabetical order).
function visit(location: Place | null, pair: Pair): Direction {
  const host = pair.find((country) => country === location?.country);
  if (host === undefined) return { actor: pair[0], recipient: pair[1] };
  return { actor: host === pair[0] ? pair[1] : pair[0], recipient: host };
}

// A tension is felt by its locus: the other side is the actor.
function against(locus: CountryCode, pair: Pair): Direction {
  if (locus === pair[0]) return { actor: pair[1], recipient: pair[0] };
  return { actor: pair[0], recipient: pair[1] };
}
