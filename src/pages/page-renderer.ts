import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { dataPath } from '../paths';

export type PageName = 'home' | 'outbox' | 'password-set' | 'login';

export interface PageOptions {
  title: string;
  scripts: string[];
  data: object;
}

const templateFile = (name: string) => dataPath('src', 'pages', 'templates', `${name}.hbs`);

/** The sandbox pages' Handlebars templates, compiled once; every value is escaped. */
export class PageRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly layout;
  private readonly pages = new Map<PageName, HandlebarsTemplateDelegate>();

  constructor(private readonly version: string) {
    this.handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.layout = this.handlebars.compile(readFileSync(templateFile('layout'), 'utf8'), {
      strict: false,
    });
    for (const name of ['home', 'outbox', 'password-set', 'login'] as const) {
      this.pages.set(name, this.handlebars.compile(readFileSync(templateFile(name), 'utf8')));
    }
  }

  render(page: PageName, options: PageOptions): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`no page template named ${page}`);

    const body = template({ version: this.version, ...options.data });
    return this.layout({ ...options, page, body, version: this.version });
  }
}

/** The pages' CSS and scripts, read once at start-up and served from /assets/. */
export function readAssets(): Map<string, { body: string; type: string }> {
  const dir = dataPath('src', 'pages', 'static');
  const types: Record<string, string> = {
    css: 'text/css; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
  };
  const assets = new Map<string, { body: string; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = types[name.split('.').pop() ?? ''];
    if (type) assets.set(name, { body: readFileSync(`${dir}/${name}`, 'utf8'), type });
  }
  return assets;
}
