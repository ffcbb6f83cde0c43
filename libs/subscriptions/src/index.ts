export * from './domain/commitment-change';
export * from './domain/change-filter';
export * from './domain/webhook.events';
export { SubscriptionsError, type SubscriptionsErrorCode } from './domain/subscriptions.errors';
export { subscriptionsMigrations } from './application/subscriptions.migrations';
export { SubscriptionsModule, SubscriptionsWorkerModule } from './subscriptions.module';
