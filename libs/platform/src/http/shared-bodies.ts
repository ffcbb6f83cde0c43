import { Negotiator } from '@fastify/accept-negotiator';
import { LRUCache } from 'lru-cache';
import { constants, gzipSync } from 'node:zlib';

// Below this, compressing saves less than the headers and the CPU cost.
const SMALLEST_COMPRESSED = 1_024;

export interface EncodedBody {
  readonly body: string | Buffer;
  readonly encoding: 'gzip' | null;
}

interface Compressed {
  readonly text: string;
  readonly gzip: Buffer;
}

// Response bodies that many requests share, the same text under a key until it changes (a
// dyad's current view), compressed once for every client that accepts gzip. Kept by key, not by
// text: V8 hashes a long string by its length alone, and texts of one length would all collide.
// The cache holds the texts too, so it is sized for them (one smaller than the texts in use
// compresses again on nearly every request). Bodies built for one request are better sent as
// they are: compressing each would cost the server more than the network saves it.
export class SharedBodies {
  private readonly compressed: LRUCache<string, Compressed> | null;
  private readonly encodings = new Negotiator({ supportedValues: ['gzip'] });

  // `maxChars`: the texts and their compressed copies kept; 0 sends every text as it is.
  constructor(maxChars: number) {
    this.compressed =
      maxChars > 0 ? new LRUCache<string, Compressed>({ maxSize: maxChars, sizeCalculation: ({ text, gzip }) => text.length + gzip.length }) : null;
  }

  encode(key: string, text: string, acceptEncoding: string | undefined): EncodedBody {
    if (!this.compressed || text.length < SMALLEST_COMPRESSED || !acceptEncoding || this.encodings.negotiate(acceptEncoding) !== 'gzip') {
      return { body: text, encoding: null };
    }
    let kept = this.compressed.get(key);
    if (kept?.text !== text) {
      kept = { text, gzip: gzipSync(text, { level: constants.Z_BEST_SPEED }) };
      this.compressed.set(key, kept);
    }
    return { body: kept.gzip, encoding: 'gzip' };
  }
}
