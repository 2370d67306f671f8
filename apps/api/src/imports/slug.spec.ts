import { slugify } from './slug.js';

describe('slugs from titles', () => {
  it('keeps lower-case ASCII words joined by hyphens', () => {
    expect(slugify('Is Rapprochement with Russia Still Possible?')).toBe('is-rapprochement-with-russia-still-possible');
    expect(slugify('Café crème — Übersicht')).toBe('cafe-creme-ubersicht');
    expect(slugify('Russia’s rare earth offer')).toBe('russias-rare-earth-offer');
  });

  it('cuts long titles at a word boundary within 80 characters', () => {
    const slug = slugify(
      'Following February’s initial talks, U.S. and Russian delegations met in Istanbul to continue normalizing diplomatic operations',
    );
    expect(slug).toBe('following-februarys-initial-talks-u-s-and-russian-delegations-met-in-istanbul-to');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugify('x'.repeat(100))).toHaveLength(80);
  });

  it('never returns an empty slug', () => {
    expect(slugify('¿¡!?')).toBe('article');
  });
});
