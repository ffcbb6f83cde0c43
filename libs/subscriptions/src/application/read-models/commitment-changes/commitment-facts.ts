import type { SqlExecutor } from '@dyad/platform';
import { stateAt, type CommitmentView, type FactEvent } from '@dyad/relations';

// Every valid time and everything recorded: the commitment as the relationship shows it now,
// whatever the clock says, so that a rebuilt feed is the same feed.
const END_OF_TIME = new Date('9999-12-31T23:59:59.999Z');

export async function loadCommitmentFacts(tx: SqlExecutor, commitmentId: string): Promise<FactEvent[]> {
  const { rows } = await tx.query<{ event: FactEvent }>(
    'select event from commitment_feed_facts where commitment_id = $1 order by transaction_id, global_position',
    [commitmentId],
  );
  return rows.map((row) => row.event);
}

export async function findCommitmentFact(tx: SqlExecutor, factId: string): Promise<{ commitmentId: string; event: FactEvent } | null> {
  const { rows } = await tx.query<{ commitment_id: string; event: FactEvent }>(
    'select commitment_id, event from commitment_feed_facts where fact_id = $1',
    [factId],
  );
  return rows[0] ? { commitmentId: rows[0].commitment_id, event: rows[0].event } : null;
}

export function commitmentView(dyad: string, facts: readonly FactEvent[], commitmentId: string): CommitmentView | undefined {
  if (facts.length === 0) return undefined;
  return stateAt(facts, { dyad, asOf: END_OF_TIME, knownAt: END_OF_TIME }).commitments.find((c) => c.id === commitmentId);
}
