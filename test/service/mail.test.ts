// @vitest-environment node
// Sign-in codes over real SMTP: the service sends with nodemailer to an SMTP server this test runs on
// loopback (smtp-server), the code is read from the message received, then verified. With SMTP the
// code is never printed nor logged; a mail server that is down gives 503 and still logs no code.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../service/server';
import { call } from './support';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const inbox: Received[] = [];
const printed: string[] = [];
const logged: string[] = [];
let smtp: SMTPServer;
let smtpUrl: string;
let service: RunningService;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make for a test.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  service = await startService({
    port: 0,
    log: (line) => logged.push(line),
    smtpUrl,
    mailFrom: 'Token service <tokens@example.org>',
    printCode: (line) => printed.push(line),
  });
}, 30_000);
afterAll(async () => {
  await service?.close();
  await new Promise<void>((resolve) => smtp?.close(resolve));
});

const askCode = (email: string) => call(service.url, '/auth/email', { method: 'POST', body: { email } });

// Each case starts a service (and the second one waits for a refused SMTP connection).
describe('sign-in codes over SMTP', { timeout: 30_000 }, () => {
  it('should mail the code to the address, and the code from the mail should sign in', async () => {
    const answer = await askCode('Reader@Example.org');
    expect(answer.status).toBe(202);
    expect(inbox).toHaveLength(1);
    const [mail] = inbox;
    expect(mail?.to).toEqual(['reader@example.org']);
    expect(mail?.from).toBe('tokens@example.org');
    expect(mail?.raw).toMatch(/^Subject: Your sign-in code$/m);
    const code = /sign-in code is (\d{6})/.exec(mail?.raw ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const verified = await call(service.url, '/auth/email/verify', {
      method: 'POST',
      body: { email: 'reader@example.org', code },
    });
    expect(verified.status).toBe(200);
    const { credential } = verified.json() as { credential: string };
    expect((await call(service.url, '/user/tokens', { credential })).status).toBe(200);
    // Mail, never both: nothing printed, and no log line holds the code.
    expect(printed).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged.join('\n')).not.toContain(code);
    expect(service.codesGoTo).toMatch(/mail/);
  });

  it('should answer 503 ERROR_MAIL_FAILED when the mail server is gone, logging no code nor address', async () => {
    const down = await startService({
      port: 0,
      log: (line) => logged.push(line),
      smtpUrl: 'smtp://127.0.0.1:1',
      printCode: (line) => printed.push(line),
    });
    try {
      logged.length = 0;
      const answer = await call(down.url, '/auth/email', {
        method: 'POST',
        body: { email: 'lost@example.org' },
      });
      expect(answer.status).toBe(503);
      expect(answer.json()).toEqual({ code: 'ERROR_MAIL_FAILED', message: expect.any(String) });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(logged).toContainEqual(expect.stringMatching(/^sign-in mail not sent: E[A-Z]+$/));
      expect(logged.join('\n')).not.toContain('lost@example.org');
      expect(logged.join('\n')).not.toMatch(/\b\d{6}\b/);
      expect(printed).toEqual([]);
    } finally {
      await down.close();
    }
  });
});
