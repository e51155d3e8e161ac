import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Mail, Mailer } from "./types";

export interface OutboxMail extends Mail {
  id: string;
  from: string;
  sentAt: string;
}

const idPattern = /^[0-9]{13}-[0-9a-f-]{36}$/;

/** Dev outbox: each mail is logged and saved as JSON, readable at /dev/outbox. */
export function createOutboxMailer(dir: string, from: string): Mailer {
  return {
    driver: "outbox",
    async send(mail: Mail) {
      const id = `${Date.now()}-${randomUUID()}`;
      const record: OutboxMail = { id, from, sentAt: new Date().toISOString(), ...mail };
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${id}.json`), JSON.stringify(record, null, 2));
      console.info(`[outbox] to=${mail.to} subject="${mail.subject}"\n${mail.text}`);
    },
  };
}

export async function listOutbox(dir: string, limit = 50): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const ids = names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -5))
    .filter((id) => idPattern.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(ids.map((id) => readOutboxMail(dir, id)));
  return mails.filter((m): m is OutboxMail => m !== null);
}

export async function readOutboxMail(dir: string, id: string): Promise<OutboxMail | null> {
  if (!idPattern.test(id)) return null;
  try {
    return JSON.parse(await readFile(path.join(dir, `${id}.json`), "utf8")) as OutboxMail;
  } catch {
    return null;
  }
}
