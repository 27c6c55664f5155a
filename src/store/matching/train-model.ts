import { z } from "zod";
import type { LinkSettings } from "../../matching/index.ts";
import { defineEntryType, hashCanonical, hex32 } from "../../ledger/index.ts";
import type { LedgerStore } from "../ledger/index.ts";
import type { Tx } from "../types.ts";
import type { MDb } from "./match-engine.ts";
import type { MatchCodec } from "./match-codec.ts";
import { learnFromStored, loadModel, storeLearned, type TrainedModel } from "./match-model.ts";

/**
 * A party stored a newly trained model: the m/u that score every later candidate. Retraining
 * changes who is proposed to whom, so the log shows who did it and when; the hashes let anyone
 * holding the registry's model tables check which settings and parameters were meant.
 */
export const matchModelTrained = defineEntryType({
  type: "match.model-trained",
  version: 1,
  payload: z.strictObject({
    model: z.string().min(1).max(40),
    source: z.string().min(1).max(100),
    settingsHash: hex32,
    paramsHash: hex32,
    records: z.strictObject({ tracing: z.number().int().nonnegative(), holding: z.number().int().nonnegative() }),
  }),
  publicPayload: true,
});

// Learns m/u from the stored records and stores them; with `by`, the new model is that party's signed entry.
export async function trainModel(
  db: MDb,
  codec: MatchCodec,
  ledger: LedgerStore,
  now: () => Date,
  settings: LinkSettings | undefined,
  by: { partyId: string; userId?: string } | undefined,
): Promise<TrainedModel & { logIndex: number | null }> {
  // Learning takes seconds on a large registry: no transaction is held open meanwhile.
  const learned = await learnFromStored(db, codec, settings ?? (await loadModel(db)).settings);
  return db.transaction().execute(async (tx) => {
    const model = await storeLearned(tx, learned);
    if (!model.trained || by === undefined) return { ...model, logIndex: null };
    const { index } = await ledger.append(tx as unknown as Tx, {
      id: `match-model:${model.id}`,
      type: matchModelTrained.type,
      typeVersion: matchModelTrained.version,
      subject: `match-model:${model.id}`,
      party: by.partyId,
      ...(by.userId === undefined ? {} : { user: by.userId }),
      time: now().toISOString(),
      payload: { model: model.id, source: model.source, settingsHash: hashCanonical(model.settings), paramsHash: hashCanonical(model.params), records: model.records },
    }, { partyId: by.partyId });
    return { ...model, logIndex: index };
  });
}
