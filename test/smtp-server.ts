/**
 * A real SMTP server for tests (`smtp-server`), on a free local port, that keeps every message it
 * accepted, parsed (`mailparser`). A message counts as delivered when the server answers 250 to
 * it; with `acceptDelayMs` the server waits before answering, and a message whose client hung up
 * meanwhile is not counted (the client never heard the 250, so it has not been delivered).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `X-Sejour-Reminder`: the reminder's idempotency key. */
  reminderKey: string | undefined;
  receivedAt: Date;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(options: { acceptDelayMs?: number; port?: number; clock?: () => Date } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void (async () => {
          const parsed = await simpleParser(Buffer.concat(chunks));
          if (options.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, options.acceptDelayMs));
          if (closed.has(session.id)) {
            callback(new Error('client gone'));
            return;
          }
          const key = parsed.headers.get('x-sejour-reminder');
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            reminderKey: typeof key === 'string' ? key : undefined,
            receivedAt: options.clock ? options.clock() : new Date(),
          });
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
