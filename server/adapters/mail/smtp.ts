/**
 * Email through SMTP with nodemailer (`SMTP_URL`, `SMTP_FROM`), one pooled transport per process.
 * Resolves once the server answered 250 to the message; throws otherwise (the caller retries).
 */
import nodemailer from 'nodemailer';
import type { MailMessage } from './index';

export interface SmtpSender {
  send(message: MailMessage, headers?: Record<string, string>): Promise<void>;
  close(): void;
}

export function createSmtpSender(config: { smtpUrl: string; from: string }): SmtpSender {
  // nodemailer reads options from the URL's query: a pool of connections unless the URL says otherwise.
  const url = new URL(config.smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '5');
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(message, headers = {}) {
      await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text, html: message.html, headers });
    },
    close() {
      transport.close();
    },
  };
}
