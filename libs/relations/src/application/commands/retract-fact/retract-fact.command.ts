import { Command } from '@nestjs/cqrs';

export interface FactRetraction {
  readonly factId: string;
  readonly dyad: string;
  readonly retractionId: string;
  readonly position: string | null;
}

// An analyst's correction: the fact leaves the state from now on; a knownAt before now still shows it.
export class RetractFactCommand extends Command<FactRetraction> {
  constructor(
    readonly factId: string,
    readonly reason: string,
  ) {
    super();
  }
}
