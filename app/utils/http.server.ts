// Errors that the model layer throws and every route turns into the same kind of response.
// A missing row and a foreign row give the same 404, so ids reveal nothing across tenants.

export class NotFoundError extends Error {
  constructor(what = "Not found") {
    super(what);
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that") {
    super(message);
  }
}

/** An input that passed its schema but breaks a rule only the database can check (e.g. a duplicate). */
export class FieldError extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A write carried a stale version: someone else saved first. `current` is the row as stored. */
export class VersionConflictError<T = unknown> extends Error {
  constructor(public readonly current: T) {
    super("Someone else changed this first");
  }
}

/** True when the request already holds this version of the page (If-None-Match). */
export function notModified(request: Request, validator: string): boolean {
  const held = request.headers.get("If-None-Match");
  return Boolean(held?.split(",").some((tag) => tag.trim() === validator));
}
