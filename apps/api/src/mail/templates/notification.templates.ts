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

export const NOTIFICATION: MailTemplate = {
  subject: '{{message}}',
  mjml: `<mj-section><mj-column>
  <mj-text>Hello {{displayName}},</mj-text>
  <mj-text>{{message}}{{#if articleTitle}} on “{{articleTitle}}”{{/if}}.</mj-text>
  {{#if passage}}<mj-text font-style="italic" color="#57606a">On the passage: “{{passage}}”</mj-text>{{/if}}
  {{#if excerpt}}<mj-text padding-left="36px">{{excerpt}}</mj-text>{{/if}}
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
</mj-column></mj-section>
{{#each items}}<mj-section padding="4px 0"><mj-column border-left="3px solid #d0d7de">
  <mj-text font-weight="bold">{{message}}{{#if articleTitle}} on “{{articleTitle}}”{{/if}}</mj-text>
  {{#if passage}}<mj-text font-style="italic" color="#57606a">On the passage: “{{passage}}”</mj-text>{{/if}}
  {{#if excerpt}}<mj-text>{{excerpt}}</mj-text>{{/if}}
  <mj-text font-size="14px"><a href="{{url}}">{{url}}</a></mj-text>
</mj-column></mj-section>{{/each}}`,
  text: `Hello {{displayName}},

Here is what happened since your last digest.
{{#each items}}

* {{message}}{{#if articleTitle}} on “{{articleTitle}}”{{/if}}
{{#if passage}}  On the passage: “{{passage}}”
{{/if}}{{#if excerpt}}  > {{excerpt}}
{{/if}}  {{url}}{{/each}}`,
};
