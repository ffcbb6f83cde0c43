import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DATABASE, type Database } from '../database/database.port';
import { PublicRoute } from '../security/requires-scope.decorator';
import { TRANSPORT, type Transport } from '../transport/transport.port';

@ApiTags('operations')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(TRANSPORT) private readonly transport: Transport,
  ) {}

  @Get()
  // Without the transport Dyad still ingests (the log is the outbox): degraded, not down.
  @ApiOperation({ summary: 'State of the event store and the transport; 503 when the store is down' })
  async health(@Res() response: FastifyReply): Promise<void> {
    const [store, transport] = await Promise.all([this.storeHealth(), this.transport.health().catch(describeFailure)]);
    const status = !store.ok ? 'down' : transport.ok ? 'ok' : 'degraded';
    await response.status(store.ok ? 200 : 503).send({
      status,
      store: { kind: this.database.kind, ...store },
      transport: { kind: this.transport.kind, ...transport },
    });
  }

  private async storeHealth(): Promise<{ ok: boolean; detail?: string }> {
    try {
      await this.database.query('select 1');
      return { ok: true };
    } catch (error) {
      return describeFailure(error);
    }
  }
}

function describeFailure(error: unknown): { ok: false; detail: string } {
  return { ok: false, detail: error instanceof Error ? error.message : String(error) };
}
