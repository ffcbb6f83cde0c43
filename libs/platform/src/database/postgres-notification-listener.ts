import { Client, type ClientConfig, type Notification } from 'pg';
import { EVERY_KEY } from './post-commit-notifier';

type Handler = (payload: string) => void;

// LISTEN needs a session of its own: a pooled client would be handed to other work. One client
// serves every channel; when it drops, it reconnects after a pause, listens again, and tells
// every handler that anything may have changed meanwhile (the payload EVERY_KEY).
export class PostgresNotificationListener {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private dropped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly reconnectDelayMs = 1_000,
  ) {}

  async listen(channel: string, handler: Handler): Promise<() => Promise<void>> {
    const handlers = this.handlers.get(channel) ?? new Set<Handler>();
    const first = handlers.size === 0;
    handlers.add(handler);
    this.handlers.set(channel, handlers);
    const client = await this.connected();
    if (first) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    return async () => {
      handlers.delete(handler);
      if (handlers.size > 0) return;
      this.handlers.delete(channel);
      await this.client?.query(`UNLISTEN ${this.client.escapeIdentifier(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connected(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client(this.config);
    client.on('notification', (message: Notification) => this.dispatch(message));
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    const reconnected = this.dropped;
    this.client = client;
    this.dropped = false;
    if (reconnected) for (const handlers of this.handlers.values()) for (const handler of handlers) handler(EVERY_KEY);
    return client;
  }

  private dispatch(message: Notification): void {
    for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
  }

  // Notifications sent while disconnected are lost: handlers hear EVERY_KEY once reconnected.
  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.dropped = true;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.handlers.size === 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed) this.connected().catch(() => this.scheduleReconnect());
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
  }
}
