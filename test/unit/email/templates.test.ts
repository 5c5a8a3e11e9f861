import { compileMjml, templateHtml, templateNames } from '../../../src/email/templates';

describe.each(templateNames)('email template %s', (name) => {
  it('compiles from MJML to HTML and keeps the Handlebars placeholders', async () => {
    const html = await compileMjml(name);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<mj-/);
    expect(html).toContain('{{resetUrl}}');
  });

  it("declares the email English, not mjml's undetermined language", async () => {
    expect(await compileMjml(name)).toMatch(/<html lang="en"/);
  });

  it('serves the same HTML whether precompiled by the build or compiled at start-up', async () => {
    expect(await templateHtml(name)).toBe(await compileMjml(name));
  });
});
