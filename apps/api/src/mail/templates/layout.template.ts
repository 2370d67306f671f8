/**
 * The MJML frame of every message: the site's name on top, the template's sections, and a
 * footer saying why the reader gets it. `{{> content}}` is replaced by the template's MJML
 * before compilation; the common values (siteName, siteUrl, unsubscribeUrl) come from
 * MailRenderer.
 */
export const LAYOUT_MJML = `<mjml>
  <mj-head>
    <mj-title>{{subject}}</mj-title>
    <mj-attributes>
      <mj-all font-family="Georgia, 'Times New Roman', serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2328" />
      <mj-button background-color="#3b4a8a" color="#ffffff" font-size="16px" border-radius="4px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f1ea">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text font-size="22px" font-weight="bold" align="center"><a href="{{siteUrl}}" style="color:#1f2328;text-decoration:none">{{siteName}}</a></mj-text>
      </mj-column>
    </mj-section>
    <mj-wrapper background-color="#ffffff" padding="16px 8px" border-radius="6px">
      {{> content}}
    </mj-wrapper>
    <mj-section padding="8px 0 24px">
      <mj-column>
        <mj-text font-size="12px" color="#57606a" align="center">
          You receive this message because of your account at <a href="{{siteUrl}}" style="color:#57606a">{{siteName}}</a>.
          {{#if unsubscribeUrl}}<br /><a href="{{unsubscribeUrl}}" style="color:#57606a">Unsubscribe from these messages</a>{{/if}}
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/** The plain-text frame: the template's text, then the same footer. */
export const LAYOUT_TEXT = `{{> content}}

-- 
{{siteName}} · {{siteUrl}}
You receive this message because of your account at {{siteName}}.{{#if unsubscribeUrl}}
Unsubscribe: {{unsubscribeUrl}}{{/if}}
`;
