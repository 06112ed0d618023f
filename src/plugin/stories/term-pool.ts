import type { ArticleTerms } from './terms.ts';

/**
 * One string per distinct term for every article's terms. Records come from the parse workers
 * and the parse cache as separate copies of every word: at 100,000 articles their terms held
 * 275 MB of the build's heap, for a vocabulary of a few hundred to a few hundred thousand words.
 */
export class TermPool {
  private readonly words = new Map<string, string>();
  private readonly pooled = new WeakSet<ArticleTerms>();

  /** Replaces the terms' words by the pool's (in place, once per terms object). */
  intern(terms: ArticleTerms): void {
    if (this.pooled.has(terms)) return;
    this.pooled.add(terms);
    for (const list of [terms.terms, terms.titleTerms, terms.titleEntities]) {
      for (let i = 0; i < list.length; i++) {
        const word = list[i]!;
        const held = this.words.get(word);
        if (held === undefined) this.words.set(word, word);
        else list[i] = held;
      }
    }
  }
}
