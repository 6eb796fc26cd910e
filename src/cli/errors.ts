/**
 * The two ways a command "could not do it" (exit 2). Each carries one line for stderr that names
 * the file and the reason; main() prints it and never a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class FileError extends Error {
  override readonly name = 'FileError';
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}
