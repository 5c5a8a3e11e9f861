import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { EMAIL_SUBJECTS, templateHtml, templateSource, type TemplateName } from './templates';

export type { TemplateName } from './templates';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Compiled = (data: object) => string;

interface CompiledTemplate {
  subject: Compiled;
  text: Compiled;
  html: Compiled;
}

/**
 * Compiles every template once, at start-up: the HTML (from MJML, see templates.ts) and the
 * plain-text part become Handlebars functions; the HTML one escapes the values it inserts.
 */
export class EmailRenderer {
  private constructor(private readonly templates: Map<TemplateName, CompiledTemplate>) {}

  static async create(): Promise<EmailRenderer> {
    const templates = new Map<TemplateName, CompiledTemplate>();

    for (const [name, subject] of Object.entries(EMAIL_SUBJECTS) as [TemplateName, string][]) {
      const html = await templateHtml(name);
      templates.set(name, {
        subject: Handlebars.compile(subject, { noEscape: true, strict: true }),
        text: Handlebars.compile(readFileSync(templateSource(`${name}.txt`), 'utf8'), {
          noEscape: true,
          strict: true,
        }),
        html: Handlebars.compile(html, { strict: true }),
      });
    }
    return new EmailRenderer(templates);
  }

  render(name: TemplateName, data: Record<string, unknown>): RenderedEmail {
    const template = this.templates.get(name);
    if (!template) throw new Error(`no email template named ${name}`);

    const subject = template.subject(data);
    const withSubject = { ...data, subject };
    return { subject, text: template.text(withSubject), html: template.html(withSubject) };
  }
}
