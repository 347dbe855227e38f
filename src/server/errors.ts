import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from "../core/errors.js";

/** The one place where failures become HTTP answers: `{"error": {"code", "message", …}}`, never a stack trace. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return c.json({ error: { code, message, ...extra } }, status);
}

export function handleError(err: Error, c: Context) {
  if (err instanceof DomainError) {
    if (err instanceof RateLimitedError) c.header("Retry-After", String(err.retryAfterSeconds));
    const status =
      err instanceof UnauthorizedError
        ? 401
        : err instanceof ForbiddenError
          ? 403
          : err instanceof RateLimitedError
            ? 429
            : err instanceof NotFoundError
              ? 404
              : err instanceof ConflictError
                ? 409
                : err instanceof ValidationError
                  ? 400
                  : 422;
    return errorResponse(c, status, err.code, err.message, err.details ?? {});
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code =
      status === 413
        ? "request.too_large"
        : /json/i.test(err.message)
          ? "request.invalid_json"
          : "request.invalid";
    return errorResponse(c, status, code, err.message || "The request could not be read.");
  }
  console.error(err);
  return errorResponse(
    c,
    500,
    "server.internal",
    "Something went wrong on the server. The error has been logged.",
  );
}

const AREAS: Record<string, string> = {
  advice: "advice",
  advisor: "advice",
  certifications: "catalog",
  attempts: "attempt",
};

/** Turns zod validation issues into a 400 that names the field and, for enums, the allowed values. */
export function validationResponse(c: Context, error: ZodError) {
  const segment = c.req.path.split("/")[2] ?? "request";
  const where = AREAS[segment] ?? "request";
  const issue = error.issues[0];
  const field = issue?.path.join(".") || where;
  const allowed =
    issue && "values" in issue && Array.isArray(issue.values) ? issue.values.map(String) : undefined;
  let message = issue?.message ?? "invalid input";
  if (issue?.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
  return errorResponse(c, 400, `${where}.invalid_input`, `${field}: ${message}`, {
    field,
    ...(allowed ? { allowed } : {}),
  });
}
