import { articlesMigrations } from '@dyad/articles';
import type { MigrationSet } from '@dyad/platform';
import { relationsMigrations } from '@dyad/relations';
import { subscriptionsMigrations } from '@dyad/subscriptions';

// Every context's tables; whichever process starts first applies what is missing.
export const dyadMigrations: readonly MigrationSet[] = [articlesMigrations, relationsMigrations, subscriptionsMigrations];
