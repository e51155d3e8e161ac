export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail: SMTP in production, the dev outbox in the embedded mode. */
export interface Mailer {
  readonly driver: "smtp" | "outbox" | "memory";
  send(mail: Mail): Promise<void>;
}
