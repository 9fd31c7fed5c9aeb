import { createTransport } from 'nodemailer';

// Where one-time codes go: mail over SMTP when SMTP_URL is set, else this service's console, for a
// person running it on their own machine. Never both, and with SMTP the code is never logged.

export interface Mailer {
  /** Where codes go, in words for `npm start`. */
  readonly where: string;
  sendCode(email: string, code: string, minutes: number): Promise<void>;
}

export interface MailOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (nodemailer's connection URL). */
  smtpUrl?: string;
  /** The From header; default `Web3.Storage token service <no-reply@localhost>`. */
  from?: string;
  /** Where a code is printed without SMTP; default console.log. */
  print?: (line: string) => void;
}

export function createMailer({ smtpUrl, from, print = console.log }: MailOptions): Mailer {
  if (!smtpUrl) {
    return {
      where: "this service's console",
      async sendCode(email, code, minutes) {
        print(
          `Sign-in code for ${email}: ${code} (valid ${minutes} minutes; printed here because SMTP_URL is not set, for local use only)`,
        );
      },
    };
  }
  const transport = createTransport(smtpUrl);
  const sender = from || 'Web3.Storage token service <no-reply@localhost>';
  return {
    where: `the inbox of the address (mail sent through ${redactUrl(smtpUrl)})`,
    async sendCode(email, code, minutes) {
      await transport.sendMail({
        from: sender,
        to: email,
        subject: 'Your sign-in code',
        text: `Your sign-in code is ${code}\n\nIt works once, for ${minutes} minutes. If you did not ask for it, ignore this mail.\n`,
      });
    },
  };
}

/** The SMTP URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return parsed.toString();
  } catch {
    return 'SMTP_URL';
  }
}
