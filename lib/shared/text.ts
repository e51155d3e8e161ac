// PostgreSQL text cannot hold a NUL character: one reaching a query fails it (a 500). Every
// free-text field refuses it at the boundary, with a message for the field.

export const hasNoNul = (value: string) => !value.includes("\u0000");
export const NUL_MESSAGE = "Remove the invisible null character.";
