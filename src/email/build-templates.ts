import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compiledTemplate, compileMjml, templateNames } from './templates';

// Part of `npm run build`: compiles every MJML template to HTML once, so a starting slemu
// does not have to load MJML at all.
async function buildTemplates(): Promise<void> {
  for (const name of templateNames) {
    const target = compiledTemplate(name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await compileMjml(name));
  }
}

buildTemplates().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
