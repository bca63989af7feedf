/** Where an outbox message stands. */
export const EMAIL_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** SMTP when SMTP_URL is set; otherwise the dev mailbox (`GET /dev/mailbox?to=…`) keeps the message. */
export const EMAIL_TRANSPORTS = ['SMTP', 'DEV_MAILBOX'] as const;
export type EmailTransportName = (typeof EMAIL_TRANSPORTS)[number];

/** After this many failed deliveries the message is given up (status FAILED) and logged. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** Exponential back-off between attempts: 30 s, 1 min, 2 min, … capped at 1 h. */
export function nextAttemptAt(failedAttempts: number, now: Date): Date {
  const delaySeconds = Math.min(3600, 30 * 2 ** Math.max(0, failedAttempts - 1));
  return new Date(now.getTime() + delaySeconds * 1000);
}
