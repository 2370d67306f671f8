import type { MailTemplate } from './mail-template.js';

/** One notification as a message shows it: what happened, the comment and its passage, where to read it. */
export interface NotificationMailItem {
  message: string;
  /** The start of the comment, as plain text. */
  excerpt: string | null;
  /** The passage of the article the thread is anchored on. */
  passage: string | null;
  articleTitle: string | null;
  /** The comment's permalink, or the page to act on (the moderation queues). */
  url: string;
}

export interface NotificationMailData extends NotificationMailItem {
  displayName: string;
}

export interface NotificationDigestData {
  displayName: string;
  count: number;
  items: NotificationMailItem[];
}

// MJML moves what is not inside an element, so every Handlebars block sits inside an mj-text.

export const NOTIFICATION: MailTemplate = {
  subject: '{{message}}',
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>{{message}}{{#if articleTitle}} on “{{articleTitle}}”{{/if}}.</mj-text>
  <mj-text>{{#if passage}}<p style="margin:0 0 12px;font-style:italic;color:#57606a">On the passage: “{{passage}}”</p>{{/if}}{{#if excerpt}}<blockquote style="margin:0;padding-left:12px;border-left:3px solid #d0d7de">{{excerpt}}</blockquote>{{/if}}</mj-text>
  <mj-button href="{{url}}">Read it</mj-button>
  <mj-text font-size="14px">Or open this link: <a href="{{url}}">{{url}}</a></mj-text>
</mj-column></mj-section>`,
  text: `Hello {{displayName}},

{{message}}{{#if articleTitle}} on “{{articleTitle}}”{{/if}}.
{{#if passage}}
On the passage: “{{passage}}”
{{/if}}{{#if excerpt}}
> {{excerpt}}
{{/if}}
Read it: {{url}}`,
};

export const NOTIFICATION_DIGEST: MailTemplate = {
  subject: 'Your daily {{siteName}} digest: {{count}} new',
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>Here is what happened since your last digest.</mj-text>
  <mj-text>{{#each items}}<div style="margin:0 0 16px;padding-left:12px;border-left:3px solid #d0d7de"><p style="margin:0;font-weight:bold">{{message}}{{#if articleTitle}} on “{{articleTitle}}”{{/if}}</p>{{#if passage}}<p style="margin:4px 0;font-style:italic;color:#57606a">On the passage: “{{passage}}”</p>{{/if}}{{#if excerpt}}<p style="margin:4px 0">{{excerpt}}</p>{{/if}}<p style="margin:4px 0;font-size:14px"><a href="{{url}}">{{url}}</a></p></div>{{/each}}</mj-text>
</mj-column></mj-section>`,
  text: `Hello {{displayName}},

Here is what happened since your last digest.
{{#each items}}

* {{message}}{{#if articleTitle}} on “{{articleTitle}}”{{/if}}
{{#if passage}}  On the passage: “{{passage}}”
{{/if}}{{#if excerpt}}  > {{excerpt}}
{{/if}}  {{url}}{{/each}}`,
};
