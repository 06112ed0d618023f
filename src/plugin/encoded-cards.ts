import { createHash } from 'node:crypto';

/**
 * Each list card's JSON as UTF-8 bytes, and their hash, made once for every list page the card
 * is on (an article card is on 6 to 12, a story card on 8 to 16). A page's key is its header and
 * its cards' hashes, so an unchanged page costs a few hashes of hashes, not its cards' text.
 * The bytes are kept up to `keepUpTo` cards: 100,000 cards' texts held at once raised the data
 * build's peak memory from 1.16 to 1.40 GB; past that each page encodes its cards again.
 */
export class EncodedCards<T extends object> {
  private readonly kept = new WeakMap<T, Buffer>();
  private readonly hashes = new WeakMap<T, Buffer>();
  private readonly keep: boolean;

  constructor(cards: number, keepUpTo = 50_000) {
    this.keep = cards <= keepUpTo;
  }

  readonly bytes = (card: T): Buffer => {
    let encoded = this.kept.get(card);
    if (encoded === undefined) {
      encoded = Buffer.from(JSON.stringify(card));
      if (this.keep) this.kept.set(card, encoded);
    }
    return encoded;
  };

  readonly hash = (card: T): Buffer => {
    let digest = this.hashes.get(card);
    if (digest === undefined) this.hashes.set(card, (digest = createHash('sha1').update(this.bytes(card)).digest()));
    return digest;
  };
}
