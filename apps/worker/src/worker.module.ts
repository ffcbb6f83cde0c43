import { ArticlesReadModelsModule } from '@dyad/articles';
import { WorkerRuntimeModule } from '@dyad/platform';
import { RelationsReadModelsModule } from '@dyad/relations';
import { SubscriptionsWorkerModule } from '@dyad/subscriptions';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

// Every context's read models, for the worker to feed and for `dyad rebuild` to replay.
@Module({ imports: [DiscoveryModule, ArticlesReadModelsModule, RelationsReadModelsModule], exports: [DiscoveryModule] })
export class ReadModelsModule {}

// The relay and every read model. Any number of workers: one relay publishes at a time (a
// lease), and the read models share the events through their consumer groups.
@Module({ imports: [WorkerRuntimeModule, ReadModelsModule, SubscriptionsWorkerModule] })
export class WorkerModule {}
