/**
 * One kind of message. All three parts are Handlebars templates over the template's data plus
 * the common values (siteName, siteUrl, unsubscribeUrl): the subject and the text part are not
 * escaped (they are not HTML); the MJML part is, so data can never inject markup.
 */
export interface MailTemplate {
  subject: string;
  /** The body's MJML sections (`<mj-section>…`), placed inside the shared layout. */
  mjml: string;
  text: string;
  /**
   * Sent even to an address that is not verified yet: only messages that prove an address
   * (verification, confirmation of a new address). Every other message waits for a verified one.
   */
  sendsToUnverifiedAddress?: boolean;
}
