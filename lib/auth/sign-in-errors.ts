import { CredentialsSignin } from "next-auth";
import type { Failure } from "@/lib/result";

// What the credentials provider's authorize() throws besides "no": next-auth rethrows an
// AuthError unchanged to the server action that called signIn() (same process), so the action
// can answer the ticket or the reason. The `code` is all a browser posting to next-auth's own
// route would see.

/** The right password of an account with two-factor on: the code step comes next. */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two_factor";
  readonly ticket: string;
  constructor(ticket: string) {
    super();
    this.ticket = ticket;
  }
}

/** A refused code step, with the reason in the form's words. */
export class SecondStepRefused extends CredentialsSignin {
  code = "second_step";
  readonly failure: Failure;
  constructor(failure: Failure) {
    super();
    this.failure = failure;
  }
}
