// User mistakes are InputError (a message for a person, exit 1 in the CLI); anything else is a bug.

/** An error caused by what the user gave us, with a message that says what to do about it. */
export class InputError extends Error {
  override name = 'InputError';
}
