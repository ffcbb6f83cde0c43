import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ReadModelRunner } from '../read-models/read-model-runner';
import { RelayRunner } from './relay-runner';

// What a worker runs: the relay from the log to the transport, and every read model found in
// the application fed from the transport.
@Module({
  imports: [DiscoveryModule],
  providers: [RelayRunner, ReadModelRunner],
  exports: [RelayRunner, ReadModelRunner],
})
export class WorkerRuntimeModule {}
