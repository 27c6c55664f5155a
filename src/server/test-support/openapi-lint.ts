import { createConfig, lintFromString } from "@redocly/openapi-core";

export interface LintProblem {
  severity: "error" | "warn";
  rule: string;
  pointer: string;
  message: string;
}

/**
 * Lints an OpenAPI document with Redocly's recommended rules, an operationId required on every
 * operation: what an integrator's tooling checks before it generates a client.
 */
export async function lintOpenApi(document: unknown): Promise<LintProblem[]> {
  const config = await createConfig({ extends: ["recommended"], rules: { "operation-operationId": "error" } });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: "openapi.json", config });
  return problems
    .filter((p) => p.severity === "error" || p.severity === "warn")
    .map((p) => ({ severity: p.severity as "error" | "warn", rule: p.ruleId, pointer: p.location[0]?.pointer ?? "", message: p.message }));
}
