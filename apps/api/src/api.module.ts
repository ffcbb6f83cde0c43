import { ArticlesModule } from '@dyad/articles';
import { RelationsModule } from '@dyad/relations';
import { SubscriptionsModule } from '@dyad/subscriptions';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

// The HTTP API: stateless, any number of instances in server mode.
@Module({ imports: [CqrsModule.forRoot(), ArticlesModule, RelationsModule, SubscriptionsModule] })
export class ApiModule {}
