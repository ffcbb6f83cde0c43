import { Module } from '@nestjs/common';
import { RelationshipsController } from './api/relationships.controller';
import { GetArticleFactsHandler } from './application/queries/get-article-facts/get-article-facts.handler';
import { GetCommitmentHandler } from './application/queries/get-commitment/get-commitment.handler';
import { GetRelationshipStateHandler } from './application/queries/get-relationship-state/get-relationship-state.handler';
import { GetTimelineHandler } from './application/queries/get-timeline/get-timeline.handler';
import { ListCommitmentsHandler } from './application/queries/list-commitments/list-commitments.handler';
import { ListRelationshipsHandler } from './application/queries/list-relationships/list-relationships.handler';
import { RelationshipsProjection } from './application/read-models/relationships/relationships.projection';

// The queries and their HTTP endpoints: stateless, any number of API processes.
@Module({
  controllers: [RelationshipsController],
  providers: [
    GetRelationshipStateHandler,
    ListRelationshipsHandler,
    GetTimelineHandler,
    ListCommitmentsHandler,
    GetCommitmentHandler,
    GetArticleFactsHandler,
  ],
})
export class RelationsModule {}

// The read models, fed from the log through the transport: in the worker (or the embedded process).
@Module({ providers: [RelationshipsProjection] })
export class RelationsReadModelsModule {}
