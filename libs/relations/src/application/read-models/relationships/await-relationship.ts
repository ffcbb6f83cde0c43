import { parseLogCheckpoint, waitUntilCaughtUp, type SqlExecutor } from '@dyad/platform';
import { relationshipStreamId } from '../../../domain/dyad-id';
import { RELATIONSHIPS_READ_MODEL } from './relationships.projection';

// `?minPosition=`: the reader saw a write at that position and must see its effect.
export async function awaitRelationships(
  executor: SqlExecutor,
  dyads: readonly string[],
  minPosition: string | undefined,
  timeoutMs: number,
): Promise<void> {
  if (!minPosition) return;
  await waitUntilCaughtUp(executor, RELATIONSHIPS_READ_MODEL, dyads.map(relationshipStreamId), parseLogCheckpoint(minPosition), timeoutMs);
}
