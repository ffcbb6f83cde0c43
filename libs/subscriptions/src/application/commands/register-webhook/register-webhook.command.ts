import type { ChangeFilter } from '../../../domain/change-filter';

export class RegisterWebhookCommand {
  constructor(
    readonly url: string,
    readonly secret: string | undefined,
    readonly filter: ChangeFilter,
  ) {}
}

// The secret is in this answer and in no other.
export interface RegisteredWebhook {
  readonly id: string;
  readonly url: string;
  readonly filter: ChangeFilter;
  readonly secret: string;
  readonly createdAt: string;
  readonly position: string | null;
}
