import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Handlebars from 'handlebars';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { LAYOUT_MJML, LAYOUT_TEXT } from './templates/layout.template.js';
import {
  MAIL_TEMPLATE_NAMES,
  MAIL_TEMPLATES,
  type MailTemplateData,
  type MailTemplateName,
} from './templates/index.js';

/** Templates are compiled this long after start, out of the way of the start itself. */
const WARM_UP_DELAY_MS = 5000;

/** A message ready to store: what OutgoingMail keeps and every retry sends. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Render = Handlebars.TemplateDelegate<Record<string, unknown>>;

interface CompiledTemplate {
  subject: Render;
  text: Render;
  html: Render;
}

/** Puts a template's body where the layout says `{{> content}}` (a function: `$` in the body stays literal). */
const frame = (layout: string, body: string): string => layout.replace('{{> content}}', () => body);

/**
 * Renders mail templates (mail/templates). Each template is compiled once, on first use, and
 * cached: MJML (about a second the first time) turns layout and body into HTML that still holds
 * the Handlebars expressions, then Handlebars compiles that HTML (escaping) and the text and
 * subject (not escaping). Strict: a value missing from the data is an error, not an empty string.
 */
@Injectable()
export class MailRenderer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<MailTemplateName, Promise<CompiledTemplate>>();
  private warmUp?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Compiles every template soon after start: the first message is queued inside its caller's
   * transaction, which should not wait a second for MJML.
   */
  onApplicationBootstrap(): void {
    this.warmUp = setTimeout(() => void this.warm().catch(() => undefined), WARM_UP_DELAY_MS);
    this.warmUp.unref();
  }

  /** Compiles every template now (each once; a template that fails is tried again when used). */
  async warm(): Promise<void> {
    await Promise.all(MAIL_TEMPLATE_NAMES.map((name) => this.compile(name)));
  }

  onApplicationShutdown(): void {
    clearTimeout(this.warmUp);
  }

  async render<T extends MailTemplateName>(
    name: T,
    data: MailTemplateData[T],
    unsubscribeUrl: string | null = null,
  ): Promise<RenderedMail> {
    const template = await this.compile(name);
    const context: Record<string, unknown> = {
      ...data,
      siteName: this.config.SITE_NAME,
      siteUrl: this.config.PUBLIC_URL,
      unsubscribeUrl,
    };
    // One line whatever the data holds (a display name cannot add header lines).
    const subject = template.subject(context).replace(/\s+/g, ' ').trim();
    return { subject, text: template.text(context), html: template.html({ ...context, subject }) };
  }

  private compile(name: MailTemplateName): Promise<CompiledTemplate> {
    let compiled = this.compiled.get(name);
    if (!compiled) {
      compiled = this.compileNow(name);
      // A failed compilation is not cached: the next message tries again (and fails the same way, visibly).
      compiled.catch(() => this.compiled.delete(name));
      this.compiled.set(name, compiled);
    }
    return compiled;
  }

  private async compileNow(name: MailTemplateName): Promise<CompiledTemplate> {
    const template = MAIL_TEMPLATES[name];
    // Loaded on first use: MJML takes about a second to load, which the API's start need not pay.
    const { default: mjml2html } = await import('mjml');
    const mjml = await mjml2html(frame(LAYOUT_MJML, template.mjml), { validationLevel: 'strict' });
    if (mjml.errors.length > 0) {
      throw new Error(`mail template ${name}: ${mjml.errors.map((e) => e.formattedMessage).join('; ')}`);
    }
    const plain = { noEscape: true, strict: true };
    return {
      subject: this.handlebars.compile(template.subject, plain),
      text: this.handlebars.compile(frame(LAYOUT_TEXT, template.text), plain),
      html: this.handlebars.compile(mjml.html, { strict: true }),
    };
  }
}
