import { projectCase } from "../../domain/index.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { CasesApi } from "../types.ts";
import { appendAction } from "./append-action.ts";
import { caseHistory } from "./case-history.ts";
import { stateFor, viewOf } from "./case-rows.ts";
import { createCase } from "./create-case.ts";
import { importCases } from "./import-cases.ts";
import { listCases } from "./list-cases.ts";
import { logAccess } from "./log-access.ts";

// The cases feature: one file per operation, each a transaction that passes the access policy
// and leaves its line in the access log. Writes go through appendAction (append-action.ts).
export function createCaseRepository(s: StoreInternals): CasesApi {
  return {
    create: (ctx, input, opts) => createCase(s, ctx, input, opts),
    async get(ctx, id) {
      const actor = await actorOf(s, ctx);
      const seen = await viewOf(s.db, actor, id);
      if (!seen) return null;
      const view = projectCase(stateFor(s, seen.row, seen.view), seen.view, s.now());
      await logAccess(s, s.db, actor, ctx, "read", [{ id: seen.row.id, party: seen.row.party_id }]);
      return view;
    },
    list: (ctx, query) => listCases(s, ctx, query),
    appendAction: (ctx, caseId, input, opts) => appendAction(s, ctx, caseId, input, opts),
    history: (ctx, caseId) => caseHistory(s, ctx, caseId),
    importBatch: (ctx, rows) => importCases(s, ctx, rows),
  };
}
