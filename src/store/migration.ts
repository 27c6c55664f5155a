// SQL migrations as code, so the built package needs no copied files. Append only: never edit
// an applied migration, add a new one. Each is a list of single statements (PGlite's extended
// protocol runs one statement per query).
export interface Migration {
  id: string;
  statements: readonly string[];
}
