import type { Command } from "commander";
import { readFile, writeFile } from "node:fs/promises";
import { HealthPurposeSchema, HEALTH_PURPOSES } from "../domain/index.ts";
import { consentToResource, FhirRejected, parseFhirJson, readHealthConsent, readHealthSummary, summaryToBundle } from "../interop/fhir/index.ts";
import type { Store } from "../store/index.ts";
import { importContext } from "./import-command.ts";
import { DEFAULT_DATA_DIR, openCliStore } from "./open-cli-store.ts";
import { fail, reportErrors } from "./cli-errors.ts";

interface ExportOpts { party: string; case: string; purpose: string; out: string; consent?: boolean; data: string }
interface ImportOpts { party: string; case: string; data: string }

async function withParty(cmd: Command, data: string, party: string, run: (store: Store) => Promise<void>): Promise<void> {
  const store = await openCliStore(data);
  await reportErrors(cmd, async () => {
    try {
      if ((await store.parties.get(party)) === null) fail(cmd, `unknown party "${party}"`);
      await run(store);
    } finally {
      await store.close();
    }
  });
}

export function registerFhirCommands(program: Command): void {
  const fhir = program.command("fhir").description("HL7 FHIR R4: a child's health summary as an International Patient Summary document, and the consent releasing it");
  fhir
    .command("export")
    .description("write the child's health summary (an IPS document Bundle) as released to the party for the purpose, or with --consent the case's consent; each release is logged and signed")
    .requiredOption("--party <id>", "the party asking (it must hold the record, or be named by the consent)")
    .requiredOption("--case <id>", "the case")
    .option("--purpose <code>", `the purpose of use: ${HEALTH_PURPOSES.join(", ")}`, "TREAT")
    .requiredOption("--out <file.json>", "where to write the FHIR JSON")
    .option("--consent", "write the consent (a FHIR Consent) instead; the party holding the record only")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (opts: ExportOpts, cmd: Command) => {
      const purpose = HealthPurposeSchema.safeParse(opts.purpose);
      if (!purpose.success) fail(cmd, `--purpose must be one of ${HEALTH_PURPOSES.join(", ")}`);
      await withParty(cmd, opts.data, opts.party, async (store) => {
        const ctx = { ...(await importContext(store, opts.party)), purpose: "fhir-export" };
        let resource: object;
        if (opts.consent) {
          const recorded = await store.healthSummaries.getConsent(ctx, opts.case);
          if (recorded === null) fail(cmd, `no consent is recorded for case ${opts.case}`);
          resource = consentToResource(recorded.consent, opts.case, `${opts.case}-v${recorded.version}`);
        } else {
          const release = await store.healthSummaries.release(ctx, opts.case, purpose.data);
          resource = summaryToBundle(release.summary, { caseId: opts.case, timestamp: new Date() });
        }
        await writeFile(opts.out, `${JSON.stringify(resource, null, 2)}\n`);
        process.stdout.write(`Wrote the ${opts.consent ? "consent" : "health summary"} of case ${opts.case} to ${opts.out}.\n`);
      });
    });
  fhir
    .command("import")
    .argument("<file.json>", "an IPS document Bundle (the health summary) or a Consent (FHIR R4 JSON, UTF-8)")
    .description("record a child's health summary or its release consent, as the party holding the record. Exit code 2 with every issue when it is rejected.")
    .requiredOption("--party <id>", "the party holding the record")
    .requiredOption("--case <id>", "the case it is about")
    .option("--data <dir>", "data directory of the embedded database", DEFAULT_DATA_DIR)
    .action(async (file: string, opts: ImportOpts, cmd: Command) => {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (e) {
        fail(cmd, `${file}: ${(e as Error).message}`);
      }
      await withParty(cmd, opts.data, opts.party, async (store) => {
        const ctx = await importContext(store, opts.party);
        try {
          const resource = parseFhirJson(bytes);
          if (resource.resourceType === "Consent") {
            const r = await store.healthSummaries.putConsent(ctx, opts.case, readHealthConsent(resource, opts.case));
            process.stdout.write(`Consent ${r.changed ? "recorded as version" : "already recorded as version"} ${r.version}.\n`);
          } else {
            const r = await store.healthSummaries.put(ctx, opts.case, readHealthSummary(resource, opts.case));
            process.stdout.write(`Health summary ${r.changed ? "recorded as version" : "already recorded as version"} ${r.version}.\n`);
          }
        } catch (e) {
          if (!(e instanceof FhirRejected)) throw e;
          for (const i of e.issues) process.stderr.write(`rejected ${file}: ${i.path ? `${i.path}: ` : ""}${i.message}\n`);
          process.stderr.write(`${file}: rejected with ${e.issues.length} issue(s); nothing recorded.\n`);
          process.exitCode = 2;
        }
      });
    });
}
