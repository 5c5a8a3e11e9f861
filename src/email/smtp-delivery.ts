import type * as Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { RenderedEmail } from './renderer';

export interface DeliveryResult {
  ok: boolean;
  error: string | null;
}

/** Sends rendered emails through an SMTP server (`--smtp-url`), with nodemailer. */
export class SmtpDelivery {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Loaded only when SMTP is configured: nodemailer adds about 0.1 s to every start-up.
    const nodemailer = require('nodemailer') as typeof Nodemailer;
    this.transporter = nodemailer.createTransport(smtpUrl);
  }

  async deliver(to: string, email: RenderedEmail): Promise<DeliveryResult> {
    try {
      await this.transporter.sendMail({ from: this.from, to, ...email });
      return { ok: true, error: null };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  close(): void {
    this.transporter.close();
  }
}
