import type { SandboxStore } from '../../db/sandbox-store';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { EmailRenderer, TemplateName } from './renderer';
import type { SmtpDelivery } from './smtp-delivery';

/**
 * Renders an email and keeps it in the outbox, where the sandbox and tests read it. With an SMTP
 * server configured it also sends it there, in the background: the API call never waits for
 * SMTP, and the outbox records how the delivery went.
 */
export class Mailer {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly renderer: EmailRenderer,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly smtp?: { delivery: SmtpDelivery; outbox: SandboxStore },
  ) {}

  send(template: TemplateName, to: string, data: Record<string, unknown>): number {
    const email = this.renderer.render(template, data);
    const id = this.store.addToOutbox({ to, ...email, createdAt: this.clock.now() });
    if (!this.smtp) return id;

    const { delivery, outbox } = this.smtp;
    outbox.recordDelivery(id, 'pending', null, null);
    const sending = delivery.deliver(to, email).then((result) => {
      const status = result.ok ? 'sent' : 'failed';
      outbox.recordDelivery(id, status, result.error, this.clock.now());
    });
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
    return id;
  }

  /** Waits for the SMTP deliveries under way, so shutdown does not drop them. */
  async idle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.smtp?.delivery.close();
  }
}
