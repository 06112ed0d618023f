import { describe, expect, it } from 'vitest';
import { TermPool } from '../../../src/plugin/stories/term-pool';
import { articleTerms } from '../../../src/plugin/stories/terms';

describe('TermPool', () => {
  // Strings have no identity to test in JavaScript; what interning saves is measured (see the README).
  it("leaves every article's terms equal to articleTerms', however often it sees them", () => {
    // Copies made as the parse workers and the parse cache make them: separate strings per record.
    const copy = (title: string, excerpt: string) => structuredClone(articleTerms(title, excerpt));
    const a = copy('Microsoft bans police from facial recognition', 'Microsoft said on Thursday it would not sell it.');
    const b = copy('Police and facial recognition: Microsoft acts', 'Microsoft will not sell to police.');
    const pool = new TermPool();
    pool.intern(a);
    pool.intern(b);
    pool.intern(b);
    expect(a).toEqual(articleTerms('Microsoft bans police from facial recognition', 'Microsoft said on Thursday it would not sell it.'));
    expect(b).toEqual(articleTerms('Police and facial recognition: Microsoft acts', 'Microsoft will not sell to police.'));
    expect(b.titleTerms).toContain('microsoft');
    expect(a.titleEntities[0]).toBe('microsoft');
  });
});
