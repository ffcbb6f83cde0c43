// Given/when/then for pure deciders (STYLE §17): the given events are folded into a state with
// `evolve`, the command is decided against it, and the outcome is compared.
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

type ErrorCheck = (new (...args: never[]) => Error) | ((error: unknown) => boolean);

export interface DeciderOutcome<Event> {
  // The events decided, or — given an error class or predicate — that deciding throws.
  then(expected: readonly Event[] | ErrorCheck): void;
  thenMatches(check: (events: readonly Event[]) => void): void;
  thenNothingHappened(): void;
  thenThrows(check: ErrorCheck): void;
}

export function deciderSpecification<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command): DeciderOutcome<Event> {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          const thenThrows = (check: ErrorCheck) => {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeDefined();
            if (check.prototype instanceof Error || check === Error) expect(thrown).toBeInstanceOf(check);
            else expect((check as (error: unknown) => boolean)(thrown)).toBe(true);
          };
          return {
            then: (expected) => (Array.isArray(expected) ? expect(run()).toEqual(expected) : thenThrows(expected as ErrorCheck)),
            thenMatches: (check) => check(run()),
            thenNothingHappened: () => expect(run()).toEqual([]),
            thenThrows,
          };
        },
      };
    },
  };
}
