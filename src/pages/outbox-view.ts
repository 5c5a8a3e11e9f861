import Handlebars from 'handlebars';
import type { OutboxEntry } from '../../db/sandbox-store';

const DELIVERY_LABELS: Record<string, string> = {
  pending: 'sending by SMTP…',
  sent: 'delivered by SMTP',
  failed: 'SMTP delivery failed',
};

/** What the outbox page shows of each email; the text part gets clickable links. */
export function outboxPageData(messages: OutboxEntry[]) {
  return {
    newestId: messages[0]?.id ?? 0,
    messages: messages.map((message) => ({
      ...message,
      createdAt: new Date(message.createdAt).toISOString(),
      deliveryLabel: DELIVERY_LABELS[message.deliveryStatus],
      textHtml: linkify(message.text),
    })),
  };
}

// Escapes first, then wraps each http(s) address: the result holds no markup but the links.
function linkify(text: string): string {
  const escaped = Handlebars.escapeExpression(text);
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
