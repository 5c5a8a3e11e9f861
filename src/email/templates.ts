import { existsSync, readFileSync, statSync } from 'node:fs';
import { dataPath } from '../paths';

// The email templates: an MJML body and a plain-text part beside this module for each, and a
// subject short enough to live here.
export const EMAIL_SUBJECTS = {
  'password-reset': 'Reset your IBM Cloud infrastructure password',
} as const;

export type TemplateName = keyof typeof EMAIL_SUBJECTS;

export const templateNames = Object.keys(EMAIL_SUBJECTS) as TemplateName[];

export const templateSource = (file: string) => dataPath('src', 'email', 'templates', file);

/** Where `npm run build` leaves each template's MJML already compiled to HTML. */
export const compiledTemplate = (name: TemplateName) => dataPath('dist', 'email', `${name}.html`);

/** MJML to HTML; the `{{…}}` Handlebars placeholders come through as text. */
export async function compileMjml(name: TemplateName): Promise<string> {
  // Loaded only when needed: MJML takes most of a second and 50 MiB to load.
  const { default: mjml2html } = await import('mjml');
  const { html, errors } = await mjml2html(readFileSync(templateSource(`${name}.mjml`), 'utf8'), {
    validationLevel: 'strict',
  });
  if (errors.length > 0) throw new Error(`email template ${name}: ${errors[0]?.formattedMessage}`);
  return html;
}

/** The template's HTML: precompiled by the build when that copy is current, else compiled now. */
export async function templateHtml(name: TemplateName): Promise<string> {
  const compiled = compiledTemplate(name);
  const source = templateSource(`${name}.mjml`);
  const current = existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(source).mtimeMs;
  return current ? readFileSync(compiled, 'utf8') : compileMjml(name);
}
