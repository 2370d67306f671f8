import type { ModerationSettings } from '../settings.js';
import { makeContext, type DeepPartial } from '../../../../test/support/pipeline-context.js';
import { links } from './links.js';

const check = (body: string, settings: DeepPartial<ModerationSettings> = {}) => {
  const ctx = makeContext({ comment: { body }, settings });
  return { decision: links(ctx), scores: ctx.scores };
};

describe('links phase', () => {
  it('counts markdown links, autolinks, images and bare URLs', () => {
    const { decision, scores } = check(
      'See [the paper](http://journal.example/a), <https://data.example/b>, ![chart](https://img.example/c.png) and https://blog.example/d',
      { maxLinks: 4 },
    );
    expect(decision).toBeUndefined();
    expect(scores.links).toEqual({
      count: 4,
      domains: ['journal.example', 'data.example', 'img.example', 'blog.example'],
    });
  });

  it('holds a comment with more links than allowed', () => {
    const { decision } = check('[a](https://a.example) [b](https://b.example) https://c.example https://d.example');
    expect(decision).toEqual({ status: 'HELD', reason: 'TOO_MANY_LINKS', detail: '4 links (maximum 3)' });
  });

  it('lets exactly the maximum number of links through', () => {
    expect(check('https://a.example https://b.example https://c.example').decision).toBeUndefined();
  });

  it('counts repeated links to the same page each time', () => {
    const { decision, scores } = check('https://a.example/x https://a.example/x', { maxLinks: 1 });
    expect(decision).toMatchObject({ reason: 'TOO_MANY_LINKS' });
    expect(scores.links).toEqual({ count: 2, domains: ['a.example'] });
  });

  it('counts www. addresses without a scheme but not file names', () => {
    expect(check('visit www.shop.com today').scores.links).toEqual({ count: 1, domains: ['shop.com'] });
    expect(check('edit README.md and index.js').scores.links).toBeUndefined();
  });

  it('counts a URL inside raw HTML, which is rendered as text', () => {
    expect(check('<a href="https://evil.example/x">hi</a>').scores.links).toEqual({
      count: 1,
      domains: ['evil.example'],
    });
  });

  it('ignores URLs in code and links that stay on the site', () => {
    const body = 'Run `curl https://a.example`\n\n```\nhttps://b.example\n```\n\n[reply](/comments/42) mail@c.example';
    const { decision, scores } = check(body, { maxLinks: 0 });
    expect(decision).toBeUndefined();
    expect(scores.links).toBeUndefined();
  });

  it('rejects a link to a blocked domain', () => {
    const { decision } = check('Deals at [shop](https://www.Spam.example/deal)', {
      blockedLinkDomains: ['spam.example'],
    });
    expect(decision).toEqual({ status: 'REJECTED', reason: 'LINK_BLOCKED', detail: 'spam.example' });
  });

  it('rejects a link to a subdomain of a blocked domain', () => {
    const { decision } = check('https://cdn.spam.example/x', { blockedLinkDomains: ['spam.example'] });
    expect(decision).toMatchObject({ reason: 'LINK_BLOCKED', detail: 'cdn.spam.example' });
  });

  it('does not treat a look-alike domain as a subdomain', () => {
    expect(check('https://notspam.example/x', { blockedLinkDomains: ['spam.example'] }).decision).toBeUndefined();
  });

  it('prefers rejecting a blocked domain over holding for too many links', () => {
    const { decision } = check('https://a.example https://b.example https://spam.example', {
      maxLinks: 1,
      blockedLinkDomains: ['spam.example'],
    });
    expect(decision).toMatchObject({ reason: 'LINK_BLOCKED' });
  });

  it('holds a link to a domain outside a non-empty allow-list', () => {
    const { decision } = check('https://wikipedia.example/x and https://random.example/y', {
      allowedLinkDomains: ['wikipedia.example'],
    });
    expect(decision).toEqual({ status: 'HELD', reason: 'LINK_NOT_ALLOWED', detail: 'random.example' });
  });

  it('lets allow-listed domains and their subdomains through', () => {
    const { decision } = check('https://en.wikipedia.example/x https://www.wikipedia.example/y', {
      allowedLinkDomains: ['wikipedia.example'],
    });
    expect(decision).toBeUndefined();
  });

  it('allows any domain when the allow-list is empty', () => {
    expect(check('https://anything.example', { allowedLinkDomains: [] }).decision).toBeUndefined();
  });
});
