import { isIP } from 'node:net';
import { ConfigError, type DyadConfig } from '../config/config.schema';

// Without API keys anyone who reaches the port may write and retract: Dyad then serves only its
// own machine, and refuses to start when told to listen anywhere else.
export function assertSafeListen(config: Pick<DyadConfig, 'HOST' | 'DYAD_API_KEYS'>): void {
  if (config.DYAD_API_KEYS || isLoopback(config.HOST)) return;
  throw new ConfigError(
    `HOST=${config.HOST} without DYAD_API_KEYS: set DYAD_API_KEYS (e.g. <key>:ingest,read) to listen beyond 127.0.0.1`,
  );
}

export function isLoopback(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || /^::ffff:127\./.test(name);
  return false;
}
