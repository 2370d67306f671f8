import { renderMarkdown } from '../common/markdown.js';
import { linkMentions, mentionedHandles } from './mentions.js';

const users = new Map([
  ['ada', 'Ada'],
  ['grace_h', 'grace_h'],
]);
const render = (source: string): string => linkMentions(renderMarkdown(source), users);

describe('@mentions', () => {
  it('finds handles, not e-mail addresses, paths or too-short names', () => {
    expect(mentionedHandles('@Ada and @grace_h, mail ada@example.com, see /u/@x and @ab, @Ada again')).toEqual([
      'ada',
      'grace_h',
    ]);
  });

  it('caps how many handles one body can look up', () => {
    const many = Array.from({ length: 50 }, (_, i) => `@user${i}`).join(' ');
    expect(mentionedHandles(many)).toHaveLength(20);
  });

  it('links existing users with their registered spelling and leaves others alone', () => {
    expect(render('Thanks @ada and @nobody!')).toBe('<p>Thanks <a href="/u/Ada">@Ada</a> and @nobody!</p>\n');
    expect(render('(@grace_h) said it first')).toBe('<p>(<a href="/u/grace_h">@grace_h</a>) said it first</p>\n');
  });

  it('does not touch code, existing links or e-mail addresses', () => {
    expect(render('`@ada` and\n\n    @ada in a block')).toBe(
      '<p><code>@ada</code> and</p>\n<pre><code>@ada in a block\n</code></pre>\n',
    );
    expect(render('[@ada](https://example.com) and ada@example.com')).toContain(
      '<a href="https://example.com" rel="nofollow ugc noopener noreferrer" target="_blank">@ada</a>',
    );
    expect(render('write to ada@example.com')).not.toContain('/u/');
  });

  it('cannot be used to inject markup', () => {
    const html = render('@ada<script>alert(1)</script> <img src=x onerror=alert(1)>@grace_h');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<a href="/u/Ada">@Ada</a>');
  });
});
