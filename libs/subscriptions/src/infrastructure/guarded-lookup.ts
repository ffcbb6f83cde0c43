import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { isPublicAddress } from './address-policy';

export class ForbiddenAddressError extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname === address ? address : `${hostname} resolves to ${address}, which`} is not a public address (private, loopback, link-local or reserved)`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

// A `lookup` for http.request: resolves the name as usual, then refuses the connection when any
// address it resolves to is not public. The check is at connect time, on the addresses the
// socket will use, so a DNS answer that changes after registration (rebinding) is caught too.
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const forbidden = addresses.find((entry) => !isPublicAddress(entry.address));
    if (forbidden) return callback(new ForbiddenAddressError(hostname, forbidden.address) as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
}

// The same rule for a URL's host, answered before anything is sent: IP literals (which
// http.request connects to without a lookup) and names.
export async function assertPublicHost(hostname: string): Promise<void> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    if (!isPublicAddress(bare)) throw new ForbiddenAddressError(bare, bare);
    return;
  }
  await new Promise<void>((resolve, reject) =>
    guardedLookup(bare, { all: true }, (error) => (error ? reject(error) : resolve())),
  );
}
