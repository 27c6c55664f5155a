import type { RequestContext, Store } from "../store/index.ts";
import { DEMO_PARTIES } from "./demo-accounts.ts";
import type { DemoChannelCases } from "./demo-disclosures.ts";

// The open channel's conversations in the demo: each side with the mediator about its own case,
// all three about the child worked in the reverse direction, the holding side with the mediator
// about the planned batch, and a note of the mediator's own. Fixed client ids: idempotent.

export interface ThreadActors {
  tracing: RequestContext;
  holding: RequestContext;
  mediator: RequestContext;
}

interface Said {
  by: keyof ThreadActors;
  text: string;
  file?: { filename: string; contentType: string; text: string };
}

export async function seedDemoThreads(store: Store, who: ThreadActors, cases: DemoChannelCases): Promise<void> {
  const { tracing, holding } = DEMO_PARTIES;
  async function conversation(key: string, by: keyof ThreadActors, subject: { kind: "case" | "batch"; id: string }, parties: string[], title: string, said: Said[]) {
    const { thread } = await store.threads.open(who[by], { subject, parties, title }, { clientId: `demo-thread:${key}` });
    let last = "";
    for (const [i, s] of said.entries()) {
      const attachments = s.file ? [{ filename: s.file.filename, contentType: s.file.contentType, data: Buffer.from(s.file.text).toString("base64") }] : [];
      last = (await store.threads.post(who[s.by], thread.id, { text: s.text, attachments }, { clientId: `demo-thread:${key}/${i}` })).message.id;
    }
    // The mediator has read everything; the parties' unread counts show what it wrote last.
    if (last !== "") await store.threads.markRead(who.mediator, thread.id, last);
  }

  await conversation("tracing-t-1", "tracing", { kind: "case", id: cases.get("t-1")! }, [tracing.id], "Bohdan Tkachenko: the mother's request", [
    { by: "tracing", text: "Synthetic demo: the mother reports that Bohdan had a scar on his left arm. Could the other side check this discreetly?" },
    { by: "mediator", text: "Noted. I will raise it in the joint call without passing on anything of the family's." },
  ]);
  await conversation("holding-d-1", "holding", { kind: "case", id: cases.get("d-1")! }, [holding.id], "Bohdan Tkachov: school and health records", [
    { by: "holding", text: "Synthetic demo: the school's report is attached.", file: { filename: "school-report.txt", contentType: "text/plain", text: "Synthetic demo school report: attends year 6, good marks." } },
    { by: "mediator", text: "Thank you; received." },
    { by: "mediator", text: "Could the foster family confirm when the arm was treated?" },
  ]);
  await conversation("joint-reverse", "mediator", { kind: "case", id: cases.get("reverse-sought")! }, [tracing.id, holding.id], "Anastasia Vorontsova: joint verification", [
    { by: "mediator", text: "Synthetic demo: both sides, please confirm the date of birth before the report is drafted." },
    { by: "holding", text: "The family's papers give 2 September 2011." },
    { by: "tracing", text: "The foster family's records agree." },
  ]);
  const planned = (await store.batches.list(who.mediator, { status: "planned" }))[0];
  if (planned) {
    await conversation("batch-planned", "holding", { kind: "batch", id: planned.id }, [holding.id], "Transport for the planned group", [
      { by: "holding", text: "Synthetic demo: an escort and a doctor will travel with the group." },
      { by: "mediator", text: "Agreed; the handover point stays as planned." },
    ]);
  }
  await store.annotations.add(who.mediator, cases.get("t-1")!, { text: "Synthetic demo: ask both sides about the scar in the joint call." }, { clientId: "demo-annotation:t-1" });
}
