import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createOutboxMailer, listOutbox, readOutboxMail } from "@/lib/email/outbox";
import { passwordResetMail } from "@/lib/email/templates";

describe("dev outbox", () => {
  it("saves each mail, lists newest first and reads one back", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const dir = await mkdtemp(path.join(tmpdir(), "outbox-"));
    const mailer = createOutboxMailer(dir, "Snapgram <no-reply@test>");
    await mailer.send(
      passwordResetMail({ email: "a@x.io", name: "A" }, "https://s.test/r?token=1"),
    );
    await new Promise((r) => setTimeout(r, 5));
    await mailer.send(
      passwordResetMail({ email: "b@x.io", name: "B" }, "https://s.test/r?token=2"),
    );
    expect(await readdir(dir)).toHaveLength(2);
    const mails = await listOutbox(dir);
    expect(mails.map((m) => m.to)).toEqual(["b@x.io", "a@x.io"]);
    const first = mails[1];
    expect(first && (await readOutboxMail(dir, first.id))?.text).toContain("token=1");
  });

  it("never reads outside its folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "outbox-"));
    expect(await readOutboxMail(dir, "../../etc/passwd")).toBeNull();
    expect(await listOutbox(path.join(dir, "missing"))).toEqual([]);
  });

  it("escapes the recipient's name in the HTML body", () => {
    const mail = passwordResetMail(
      { email: "a@x.io", name: "<b>x</b>" },
      "https://s.test/?a=1&b=2",
    );
    expect(mail.html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(mail.html).toContain("a=1&amp;b=2");
    expect(mail.text).toContain("https://s.test/?a=1&b=2");
  });
});
