import type { ErrorData } from './types';

/**
 * A request the user can fix: bad input, nothing connected, an issue that does not exist.
 * `fields` maps a form field to its messages, so views show each next to its field.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly kind: string = 'invalid',
  ) {
    super(message);
  }
}

/** One field's error, as the views expect it. */
export function fieldError(field: string, message: string, kind = 'invalid'): UserError {
  return new UserError(message, { [field]: [message] }, kind);
}

/** Anything thrown, as JSON-safe data for a message or for storage. */
export function toErrorData(e: unknown): ErrorData {
  if (e && typeof e === 'object' && 'kind' in e && 'message' in e) {
    const { kind, message, status, fields, retryAfterMs } = e as ErrorData;
    return {
      kind: String(kind),
      message: String(message),
      ...(status !== undefined && { status }),
      ...(fields && { fields }),
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
  }
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}
