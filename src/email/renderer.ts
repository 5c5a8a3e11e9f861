import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths';

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

// Subjects are short enough to live here; bodies are files beside this module.
const SUBJECTS = {
  'password-reset': 'Reset your IBM Cloud infrastructure password',
} as const;

export type TemplateName = keyof typeof SUBJECTS;

const templateFile = (name: string) => dataPath('src', 'email', 'templates', name);

/**
 * Compiles every template once, at start-up: MJML to HTML (which keeps the `{{…}}` placeholders
 * as text), then the HTML and the plain-text part to Handlebars functions that escape values.
 */
export class EmailRenderer {
  private constructor(private readonly templates: Map<TemplateName, CompiledTemplate>) {}

  static async create(): Promise<EmailRenderer> {
    const templates = new Map<TemplateName, CompiledTemplate>();

    for (const [name, subject] of Object.entries(SUBJECTS) as [TemplateName, string][]) {
      const mjml = readFileSync(templateFile(`${name}.mjml`), 'utf8');
      const { html, errors } = await mjml2html(mjml, { validationLevel: 'strict' });
      if (errors.length > 0) throw new Error(`email template ${name}: ${errors[0]?.formattedMessage}`);

      templates.set(name, {
        subject: Handlebars.compile(subject, { noEscape: true, strict: true }),
        text: Handlebars.compile(readFileSync(templateFile(`${name}.txt`), 'utf8'), {
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
