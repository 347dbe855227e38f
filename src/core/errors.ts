/** A broken invariant or an unusable request, with a stable code such as `catalog.not_found`. */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

/** Something named by the caller does not exist; `suggestions` lists the nearest real names. */
export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = "NotFoundError";
  }
}

/** Input that fails a rule: `field` names what is wrong and `allowed` (when known) what would be right. */
export class ValidationError extends DomainError {
  constructor(
    code: string,
    message: string,
    details?: { field?: string; allowed?: readonly string[] } & Record<string, unknown>,
  ) {
    super(code, message, details);
    this.name = "ValidationError";
  }
}

/** A state conflict such as writing to a closed attempt. */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = "ConflictError";
  }
}

/** The request needs a signed-in user (401 `auth.required`, `session.invalid_credentials`). */
export class UnauthorizedError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = "UnauthorizedError";
  }
}

/** The signed-in user may not do this (403 `auth.forbidden`). */
export class ForbiddenError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = "ForbiddenError";
  }
}

/** Too many tries: wait `retryAfterSeconds` (429 with Retry-After). */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(code, message, { retryAfterSeconds });
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
