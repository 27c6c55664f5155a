// Typed errors shared by every layer: the HTTP layer maps them to problem+json
// (NotFound → 404, Forbidden → 403, Conflict → 409, Validation → 422/400).

export class HomewardError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

// Also used when the caller may not see the case at all: existence is itself sensitive.
export class NotFoundError extends HomewardError {
  constructor(message = "not found") {
    super("not-found", message);
  }
}

// Only for things the caller can already see but may not do.
export class ForbiddenError extends HomewardError {
  constructor(message = "forbidden") {
    super("forbidden", message);
  }
}

export class ConflictError extends HomewardError {
  readonly currentVersion: number | undefined;
  constructor(message: string, currentVersion?: number) {
    super("conflict", message);
    this.currentVersion = currentVersion;
  }
}

// A client id (Idempotency-Key) repeated with a different request: 422, never a silent replay.
export class ClientIdReusedError extends HomewardError {
  constructor(message = "this client id (Idempotency-Key) was already used for a different request; use a new one") {
    super("client-id-reused", message);
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export class ValidationError extends HomewardError {
  readonly path: string;
  readonly issues: ValidationIssue[];
  constructor(path: string, message: string, issues?: ValidationIssue[]) {
    super("validation", path ? `${path}: ${message}` : message);
    this.path = path;
    this.issues = issues ?? [{ path, message }];
  }
}

export function isHomewardError(e: unknown): e is HomewardError {
  return e instanceof HomewardError;
}
