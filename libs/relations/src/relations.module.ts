import { Module } from '@nestjs/common';
import { ExportController } from './api/export.controller';
import { FactsController } from './api/facts.controller';
import { RelationshipsController } from './api/relationships.controller';
import { RetractFactHandler } from './application/commands/retract-fact/retract-fact.handler';
import { ExportFactsHandler } from './application/queries/export-facts/export-facts.handler';
import { GetArticleFactsHandler } from './application/queries/get-article-facts/get-article-facts.handler';
import { GetCommitmentHandler } from './application/queries/get-commitment/get-commitment.handler';
import { GetRelationshipStateHandler, GetRelationshipStateJsonHandler } from './application/queries/get-relationship-state/get-relationship-state.handler';
import { GetTimelineHandler } from './application/queries/get-timeline/get-timeline.handler';
import { ListCommitmentsHandler } from './application/queries/list-commitments/list-commitments.handler';
import { ListRelationshipsHandler } from './application/queries/list-relationships/list-relationships.handler';
import { CurrentViewCache } from './application/read-models/relationships/current-view-cache';
import { RelationshipHistoryCache } from './application/read-models/relationships/relationship-history-cache';
import { RelationshipsProjection } from './application/read-models/relationships/relationships.projection';

// Queries, corrections and their HTTP endpoints: stateless, any number of API processes.
@Module({
  controllers: [RelationshipsController, FactsController, ExportController],
  providers: [
    RetractFactHandler,
    GetRelationshipStateHandler,
    GetRelationshipStateJsonHandler,
    ListRelationshipsHandler,
    GetTimelineHandler,
    ListCommitmentsHandler,
    GetCommitmentHandler,
    GetArticleFactsHandler,
    ExportFactsHandler,
    CurrentViewCache,
    RelationshipHistoryCache,
  ],
})
export class RelationsModule {}

// The read models, fed from the log through the transport: in the worker (or the embedded process).
@Module({ providers: [RelationshipsProjection] })
export class RelationsReadModelsModule {}
