import type { FactEvent, RelationshipEvent, RetractionMetadata } from './relationship.events';

// What the decider decides against: every fact event of the dyad and every retraction. Meetings,
// commitments and tensions are derived from these on demand (the same derivations serve the
// view at any asOf/knownAt), so that a late article about an earlier date is placed in valid
// time instead of in arrival order.
export interface RelationshipState {
  readonly dyad: string | null;
  readonly facts: readonly FactEvent[];
  readonly retractions: ReadonlyMap<string, Retraction>;
}

export interface Retraction {
  readonly reason: string;
  readonly metadata: RetractionMetadata;
}

export function initialState(): RelationshipState {
  return { dyad: null, facts: [], retractions: new Map() };
}

export function evolve(state: RelationshipState, event: RelationshipEvent): RelationshipState {
  switch (event.type) {
    case 'FactRetracted': {
      const retractions = new Map(state.retractions);
      retractions.set(event.data.factId, { reason: event.data.reason, metadata: event.metadata });
      return { ...state, retractions };
    }
    case 'MeetingHeld':
    case 'MeetingCorroborated':
    case 'DelegationListed':
    case 'CommitmentMade':
    case 'CommitmentStatusChanged':
    case 'TensionReported':
    case 'TensionEased':
    case 'FactCorroborated':
      return { ...state, dyad: state.dyad ?? event.data.dyad, facts: [...state.facts, event] };
    default: {
      const unexpected: never = event;
      throw new Error(`Unhandled relationship event ${(unexpected as RelationshipEvent).type}`);
    }
  }
}

// The whole stream in one pass (evolve copies, which would make a long replay quadratic).
export function foldRelationship(events: readonly RelationshipEvent[]): RelationshipState {
  const facts: FactEvent[] = [];
  const retractions = new Map<string, Retraction>();
  for (const event of events) {
    if (event.type === 'FactRetracted') {
      retractions.set(event.data.factId, { reason: event.data.reason, metadata: event.metadata });
    } else {
      facts.push(event);
    }
  }
  return { dyad: facts[0]?.data.dyad ?? null, facts, retractions };
}

// Current knowledge: the facts nobody has retracted.
export function standingFacts(state: RelationshipState): readonly FactEvent[] {
  return state.facts.filter((fact) => !state.retractions.has(fact.data.factId));
}
