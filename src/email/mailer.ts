import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { EmailRenderer, TemplateName } from './renderer';

/** Renders an email and keeps it in the outbox, where the sandbox and tests read it. */
export class Mailer {
  constructor(
    private readonly renderer: EmailRenderer,
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  send(template: TemplateName, to: string, data: Record<string, unknown>): number {
    const email = this.renderer.render(template, data);
    return this.store.addToOutbox({ to, ...email, createdAt: this.clock.now() });
  }
}
