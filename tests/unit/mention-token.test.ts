import { describe, expect, it } from "vitest";
import { insertChoice, tokenAt } from "@/components/forms/mention-token";

describe("mention and tag tokens", () => {
  it("finds the @mention or #tag the caret ends", () => {
    expect(tokenAt("hi @an", 6)).toEqual({ trigger: "@", text: "an", start: 3, end: 6 });
    expect(tokenAt("@an", 3)).toEqual({ trigger: "@", text: "an", start: 0, end: 3 });
    expect(tokenAt("sunset #be", 10)).toEqual({ trigger: "#", text: "be", start: 7, end: 10 });
    expect(tokenAt("#café", 5)).toMatchObject({ trigger: "#", text: "café" });
  });

  it("suggests nothing inside a word, an e-mail address, or right after the trigger", () => {
    expect(tokenAt("mail ana@ex", 11)).toBeNull();
    expect(tokenAt("hi @", 4)).toBeNull();
    expect(tokenAt("hi @anna", 6)).toBeNull();
    expect(tokenAt("plain text", 10)).toBeNull();
  });

  it("replaces the token with the choice and a space, caret after it", () => {
    const token = tokenAt("hi @an", 6);
    if (!token) throw new Error("no token");
    expect(insertChoice("hi @an", token, "ana")).toEqual({ value: "hi @ana ", caret: 8 });
    const middle = tokenAt("hi #be there", 6);
    if (!middle) throw new Error("no token");
    expect(insertChoice("hi #be there", middle, "beach")).toEqual({
      value: "hi #beach there",
      caret: 10,
    });
  });
});
