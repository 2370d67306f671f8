import { negotiate, parsePrefer } from './prefer.js';

describe('Prefer and Accept parsing', () => {
  it('reads the container preferences, smallest first, and ignores unknown ones', () => {
    const prefer = (iris: string): string => `return=representation; include="${iris}"`;
    expect(parsePrefer(prefer('http://www.w3.org/ns/ldp#PreferMinimalContainer'))).toEqual({
      preference: 'minimal',
      applied: true,
    });
    expect(
      parsePrefer(
        prefer('http://www.w3.org/ns/oa#PreferContainedDescriptions http://www.w3.org/ns/oa#PreferContainedIRIs'),
      ),
    ).toEqual({ preference: 'iris', applied: true });
    expect(parsePrefer(prefer('http://example.org/other'))).toEqual({ preference: null, applied: false });
    expect(parsePrefer('respond-async')).toEqual({ preference: null, applied: false });
    expect(parsePrefer(undefined)).toEqual({ preference: null, applied: false });
  });

  it('prefers JSON-LD, serves JSON when that is what is asked for, and nothing for other types', () => {
    expect(negotiate(undefined)).toBe('application/ld+json');
    expect(negotiate('*/*')).toBe('application/ld+json');
    expect(negotiate('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe('application/ld+json');
    expect(negotiate('application/json')).toBe('application/json');
    expect(negotiate('application/ld+json;q=0.2, application/json')).toBe('application/json');
    expect(negotiate('text/html, application/xml;q=0.9')).toBeNull();
    expect(negotiate('application/ld+json;q=0')).toBeNull();
  });
});
