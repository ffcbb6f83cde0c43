// The transport carries committed log events from the relay to consumers. Kafka in server mode,
// a direct in-process hand-off in embedded mode. Delivery is at least once, in stream order per key.
export interface TransportMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TransportSubscription {
  stop(): Promise<void>;
}

export interface ConsumerOptions {
  // Consumers in one group share the work; each group sees every message.
  readonly groupId: string;
  readonly topics: readonly string[];
  // Messages a few at a time (a Kafka partition's fetch, an in-process publish), each key's in
  // order. Awaited before any of them is acknowledged; a throw means the whole batch comes again.
  readonly handleBatch: (messages: readonly TransportMessage[]) => Promise<void>;
}

export interface Transport {
  readonly kind: 'kafka' | 'in-process';
  // Resolves once the broker has acknowledged every message.
  publish(messages: readonly TransportMessage[]): Promise<void>;
  consume(options: ConsumerOptions): Promise<TransportSubscription>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

export const TRANSPORT = Symbol('TRANSPORT');
