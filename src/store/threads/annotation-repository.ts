import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { AnnotationInputSchema, ClientIdReusedError, ForbiddenError, NotFoundError, isMediator } from "../../domain/index.ts";
import { blindedCaseSubject, caseAnnotated, hashCanonical } from "../../ledger/index.ts";
import { nodeSha256 } from "../../ledger-node/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import { checkClientId, isUniqueViolation, toIso, validationFromZod } from "../errors-util.ts";
import type { StoreInternals } from "../store-internals.ts";
import { actorOf } from "../store-internals.ts";
import type { CasesApi, RequestContext } from "../types.ts";
import type { AnnotationInput, AnnotationView, AnnotationsApi } from "./thread-types.ts";

// The mediator's annotations: its own notes on any case it can see, kept for its party only
// (neither side reads what the mediator notes about the other). Sealed at rest; the signed log
// holds each one's hash under the case's commitment.

interface AnnotationRow {
  id: string;
  case_id: string;
  party_id: string;
  user_id: string;
  request_hash: string;
  body: Uint8Array;
  annotation_hash: string;
  entry_idx: number | string;
  created_at: Date | string;
}

const aad = (id: string) => `homeward:annotation:${id}`;

export function createAnnotationRepository(s: StoreInternals, deps: { cases: CasesApi; ledger: LedgerStore }): AnnotationsApi {
  function viewOf(r: AnnotationRow): AnnotationView {
    const doc = JSON.parse(s.atRest.open(r.body, aad(r.id))) as { text: string };
    return { id: r.id, caseId: r.case_id, party: r.party_id, user: r.user_id, at: toIso(r.created_at), text: doc.text, hash: r.annotation_hash, logIndex: Number(r.entry_idx) };
  }

  // The case as the caller sees it (a read in the access log), and only a mediator goes further.
  async function mediatorOnCase(ctx: RequestContext, caseId: string, purpose: string): Promise<void> {
    if ((await deps.cases.get({ ...ctx, purpose }, caseId)) === null) throw new NotFoundError("no such case");
    if (!isMediator(await actorOf(s, ctx))) throw new ForbiddenError("only the mediator annotates cases and reads its annotations");
  }

  async function prior(ctx: RequestContext, clientId: string, requestHash: string): Promise<AnnotationView | null> {
    const row = (await sql<AnnotationRow>`select * from case_annotations where party_id = ${ctx.partyId} and client_id = ${clientId}`.execute(s.db)).rows[0];
    if (!row) return null;
    if (row.request_hash !== requestHash) throw new ClientIdReusedError();
    return viewOf(row);
  }

  async function add(ctx: RequestContext, caseId: string, input: AnnotationInput, opts: { clientId: string }) {
    const clientId = checkClientId(opts?.clientId);
    const parsed = AnnotationInputSchema.safeParse(input);
    if (!parsed.success) throw validationFromZod(parsed.error);
    await mediatorOnCase(ctx, caseId, "annotation");
    const requestHash = hashCanonical({ case: caseId, ...parsed.data }, nodeSha256);
    const replay = await prior(ctx, clientId, requestHash);
    if (replay) return { annotation: replay, replayed: true };
    const id = randomUUID();
    const at = s.now();
    const doc = { annotation: id, case: caseId, party: ctx.partyId, user: ctx.userId, at: at.toISOString(), text: parsed.data.text, nonce: randomBytes(32).toString("hex") };
    const hash = hashCanonical(doc, nodeSha256);
    try {
      await s.db.transaction().execute(async (tx) => {
        const { index } = await deps.ledger.append(tx, {
          id: `annotation:${id}`,
          type: caseAnnotated.type,
          typeVersion: caseAnnotated.version,
          // The case by its commitment only: the log is public.
          subject: blindedCaseSubject({ case: caseId, salt: s.caseSalt(caseId) }, nodeSha256),
          party: ctx.partyId,
          time: doc.at,
          payload: { annotation: id, annotationHash: hash },
        }, { partyId: ctx.partyId });
        await sql`insert into case_annotations (id, case_id, party_id, user_id, client_id, request_hash, body, annotation_hash, entry_idx, created_at)
          values (${id}, ${caseId}, ${ctx.partyId}, ${ctx.userId}, ${clientId}, ${requestHash}, ${Buffer.from(s.atRest.seal(JSON.stringify(doc), aad(id)))},
            ${hash}, ${index}, ${at})`.execute(tx);
      });
    } catch (e) {
      if (!isUniqueViolation(e, "case_annotations_client_id_idx")) throw e;
      const again = await prior(ctx, clientId, requestHash);
      if (again) return { annotation: again, replayed: true };
      throw e;
    }
    const row = (await sql<AnnotationRow>`select * from case_annotations where id = ${id}`.execute(s.db)).rows[0]!;
    return { annotation: viewOf(row), replayed: false };
  }

  async function list(ctx: RequestContext, caseId: string): Promise<AnnotationView[]> {
    await mediatorOnCase(ctx, caseId, "annotations");
    const rows = await sql<AnnotationRow>`select * from case_annotations where case_id = ${caseId} and party_id = ${ctx.partyId} order by created_at, id`.execute(s.db);
    return rows.rows.map(viewOf);
  }

  return { add, list };
}
