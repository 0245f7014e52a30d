/** Typed errors that cross the IPC boundary. Messages are Swedish and hold no case data. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_PROCEDURE',
  'NOT_LOGGED_IN',
  'FORBIDDEN',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'WRONG_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcError {
  code: ErrorCode;
  message: string;
  /** Field path -> Swedish message, for forms. */
  fields?: Record<string, string>;
  /** Seconds to wait, for TOO_MANY_ATTEMPTS. */
  retryAfterSeconds?: number;
}

/** Thrown by services for expected failures; the router turns it into an IpcError. */
export class DomainError extends Error {
  public readonly code: ErrorCode;
  public readonly fields?: Record<string, string>;
  public readonly retryAfterSeconds?: number;
  public constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
