import nodemailer from "nodemailer";
import type { Mail, Mailer } from "./types";

export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    driver: "smtp",
    async send(mail: Mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}
