import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RequiresScope } from '../security/requires-scope.decorator';
import { DyadMetrics } from './dyad-metrics';

// Prometheus text format. Behind the read scope when keys are set: volumes and timings tell an
// outsider more than a liveness probe should.
@ApiExcludeController()
@RequiresScope('read')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(DyadMetrics) private readonly metrics: DyadMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
