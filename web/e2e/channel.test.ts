import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { browserFixture, capture, signIn, signOut, type BrowserFixture } from "./browser-fixture.ts";

// The channel through the UI, three parties in three browser contexts (tracing in Ukrainian,
// holding in Russian, the mediator in English), on one server and one browser.
// The machine may be busy: waits are generous (they end as soon as the page is ready).
const SLOW = { timeout: 20_000, interval: 100 };
let f: BrowserFixture;
const contexts: BrowserContext[] = [];
let tracing: Page, holding: Page, mediator: Page;

beforeAll(async () => {
  f = await browserFixture();
  for (const lang of ["uk", "ru", "en"]) contexts.push(await f.context(lang));
  [tracing, holding, mediator] = await Promise.all(contexts.map((c) => c.newPage()));
});
afterAll(async () => {
  await f?.close();
});

interface Child { given: string; family: string; sex: string; birthDate: string; birthPlace: string; guardian: string }
type Filing = { path: "/cases/new" } | { path: "/tracing-requests/new"; to: string; mediator: string } | { path: "/disclose"; to: string; mediator: string; biography: string };

async function registerCase(page: Page, child: Child, filing: Filing = { path: "/cases/new" }): Promise<string> {
  await page.locator(`a[href="${filing.path}"]`).click();
  if (filing.path !== "/cases/new") {
    await page.locator("#to-party").fill(filing.to);
    await page.locator("#mediator-party").fill(filing.mediator);
  }
  if (filing.path === "/disclose") await page.locator("#biography").fill(filing.biography);
  await page.locator("#given").fill(child.given);
  await page.locator("#family").fill(child.family);
  await page.locator("#sex").selectOption(child.sex);
  await page.locator("#birth-date").fill(child.birthDate);
  await page.locator("#birth-place").fill(child.birthPlace);
  // The guardian's consent to sharing lets the case be proposed to the other side.
  await page.locator("#consent-recorded").check();
  await page.locator("#for-sharing").check();
  await page.locator("#guardian-name").fill(child.guardian);
  await page.locator("form.card button[type=submit]").click();
  await page.waitForURL(/\/cases\/[^/]+$/);
  await page.locator("h1").waitFor();
  return page.url().split("/").pop()!;
}

/** Records one lifecycle step through the case page's step form and waits for it in the timeline. */
async function recordStep(page: Page, caseId: string, step: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await page.locator(".timeline li").first().waitFor();
  const before = await page.locator(".timeline li").count();
  await page.locator("#step").selectOption(step);
  await page.locator("form.inline-form button[type=submit]").click();
  await expect.poll(() => page.locator(".timeline li").count(), SLOW).toBe(before + 1);
}

describe("the channel in the browser", () => {
  let tracingCase = "";
  let holdingCase = "";

  it("signs each party in; the header says who and for which party, in the context's language", async () => {
    await tracing.goto("/");
    await expect.poll(() => tracing.locator("html").getAttribute("lang"), SLOW).toBe("uk");
    await capture(tracing, "01-sign-in-uk");
    await signIn(tracing, "tracing");
    await signIn(holding, "holding");
    await signIn(mediator, "mediator");
    expect(await tracing.getByTestId("who").textContent()).toContain("tracing-authority");
    expect(await holding.getByTestId("who").textContent()).toContain("holding-authority");
    expect(await mediator.getByTestId("who").textContent()).toContain("mediator");
    // The dashboard's counts come in one read.
    await tracing.getByTestId("dashboard-tiles").waitFor();
    await tracing.locator("figure.chart svg").waitFor();
    await capture(tracing, "02-dashboard-uk");
  });

  it("files the child on both sides: a tracing request in Cyrillic, a disclosure in Latin script", async () => {
    await tracing.goto("/cases");
    tracingCase = await registerCase(tracing, { given: "Олександр", family: "Коваленко", sex: "M", birthDate: "2014-03-07", birthPlace: "Маріуполь", guardian: "Ірина Коваленко" },
      { path: "/tracing-requests/new", to: "holding-authority", mediator: "mediator" });
    await capture(tracing, "03-case-tracing-uk");
    await holding.goto("/cases");
    holdingCase = await registerCase(holding, { given: "Aleksandr", family: "Kovalenko", sex: "M", birthDate: "2014-03-07", birthPlace: "Mariupol", guardian: "Irina Kovalenko" },
      { path: "/disclose", to: "tracing-authority", mediator: "mediator", biography: "Placed in a children's home in 2022, then with a foster family." });
    await capture(holding, "04-case-holding-ru");
    expect(tracingCase).not.toBe(holdingCase);
  });

  it("adds a photograph on the holding side; the thumbnail shows on the case page", async () => {
    const png = await sharp({ create: { width: 48, height: 48, channels: 3, background: "#336699" } }).png().toBuffer();
    await holding.goto(`/cases/${holdingCase}`);
    await holding.locator("#photo-file").setInputFiles({ name: "child.png", mimeType: "image/png", buffer: png });
    await holding.locator("#photo-caption").fill("2023");
    await holding.locator("#photos-h ~ form button[type=submit]").click();
    await holding.getByTestId("photo-thumb").waitFor();
    await capture(holding, "04b-case-photo-ru");
  });

  it("finds the child by a prefix in another script as one types", async () => {
    await tracing.goto("/cases");
    await tracing.locator("#case-search").pressSequentially("Kovalenk", { delay: 20 });
    await tracing.getByRole("link", { name: /Коваленко/ }).waitFor();
    await capture(tracing, "05-cases-search-uk");
  });

  it("reviews the candidate on both sides with the keyboard alone: the side-by-side view explains the score", async () => {
    for (const [page, shot] of [[tracing, "06-review-tracing-uk"], [holding, "07-review-holding-ru"]] as const) {
      await page.goto("/matches");
      await expect.poll(async () => {
        await page.reload();
        await page.locator("h1").waitFor();
        return page.locator('a[href^="/matches/"]').count();
      }, { timeout: 20_000, interval: 500 }).toBeGreaterThan(0);
      await capture(page, shot.replace("review", "matches"));
      await page.locator('a[href^="/matches/"]').first().focus();
      await page.keyboard.press("Enter");
      await page.locator(".contributions li").first().waitFor();
      expect(await page.locator(".side-by-side").textContent()).toMatch(/Коваленко|Kovalenko/);
      await capture(page, shot);
      await page.locator("main").focus();
      await page.keyboard.press("a");
      await page.getByTestId("my-decision").waitFor();
    }
    await tracing.goto("/matches?status=agreed");
    await tracing.locator('a[href^="/matches/"]').first().waitFor();
  });

  let reportUrl = "";
  it("drafts the verification report; both verifiers sign it and the mediator confirms, each checked in the browser", async () => {
    await tracing.goto(`/cases/${tracingCase}`);
    // The other verifiers read the report through the case: the tracing side shares it with them.
    await tracing.locator(".timeline li").first().waitFor();
    for (const party of ["holding-authority", "mediator"]) {
      const before = await tracing.locator(".timeline li").count();
      await tracing.locator("#step").selectOption("share");
      await tracing.locator("#share-party").fill(party);
      await tracing.locator("#share-scope").selectOption("participate");
      await tracing.locator("#step-text").press("Tab");
      await tracing.locator("form.inline-form button[type=submit]").click();
      await expect.poll(() => tracing.locator(".timeline li").count(), SLOW).toBe(before + 1);
    }
    await tracing.locator("details.subform summary").click();
    await tracing.locator("#identity-evidence").fill("Свідоцтво про народження серії I-АП № 000000; впізнання матір'ю за фото.");
    await tracing.locator("details.subform button[type=submit]").click();
    await tracing.locator('a[href^="/reports/"]').first().click();
    await tracing.waitForURL(/\/reports\//);
    reportUrl = new URL(tracing.url()).pathname;
    await capture(tracing, "08-report-drafted-uk");

    await signOut(tracing);
    await signIn(tracing, "tracing-verifier");
    await tracing.goto(reportUrl);
    await tracing.getByTestId("sign-report").click();
    await tracing.locator(".verified").first().waitFor();
    // Signed once: the verifier is not offered to sign again.
    await expect.poll(() => tracing.getByTestId("sign-report").count(), SLOW).toBe(0);
    await capture(tracing, "09-report-signed-uk");

    await signOut(holding);
    await signIn(holding, "holding-verifier");
    await holding.goto(reportUrl);
    await holding.getByTestId("sign-report").click();
    await expect.poll(() => holding.locator(".verified").count(), SLOW).toBe(2);
    await capture(holding, "10-report-jointly-signed-ru");

    await mediator.goto(reportUrl);
    await mediator.getByTestId("sign-report").click();
    await expect.poll(() => mediator.locator(".verified").count(), SLOW).toBe(3);
    expect(await mediator.getByTestId("sign-report").count()).toBe(0);
    await capture(mediator, "11-report-confirmed-en");
    const [download] = await Promise.all([mediator.waitForEvent("download"), mediator.getByTestId("report-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("proves an entry's inclusion in the log in the browser, with the pure ledger code", async () => {
    await mediator.goto("/log");
    await mediator.locator("h1").waitFor();
    await mediator.locator("#entry-index").fill("1");
    await mediator.locator("#entry-index").press("Enter");
    await mediator.locator("p.verified[role=status]").waitFor();
    await capture(mediator, "12-log-en");
  });

  it("switches language on any page: the labels and the document language follow, and the choice survives a reload", async () => {
    await mediator.goto("/");
    await mediator.getByRole("button", { name: "Українська" }).click();
    await expect.poll(() => mediator.locator("html").getAttribute("lang"), SLOW).toBe("uk");
    await expect.poll(() => mediator.locator("nav").first().textContent(), SLOW).toContain("Справи");
    await capture(mediator, "13-dashboard-mediator-uk");
    await mediator.getByRole("button", { name: "Русский" }).click();
    await expect.poll(() => mediator.locator("nav").first().textContent(), SLOW).toContain("Дела");
    await mediator.reload();
    await expect.poll(() => mediator.locator("html").getAttribute("lang"), SLOW).toBe("ru");
    await mediator.getByRole("button", { name: "English" }).click();
    await expect.poll(() => mediator.locator("nav").first().textContent(), SLOW).toContain("Cases");
  });

  it("keeps a draft across a reload and a failed submit, and resubmits it under the same action id", async () => {
    await signOut(tracing);
    await signIn(tracing, "tracing");
    await tracing.goto("/cases/new");
    await tracing.locator("#given").fill("Марія");
    await tracing.locator("#family").fill("Шевченко");
    await tracing.reload();
    expect(await tracing.locator("#given").inputValue()).toBe("Марія");

    const sent: string[] = [];
    await tracing.route("**/api/cases", async (route) => {
      sent.push((route.request().postDataJSON() as { clientId: string }).clientId);
      await route.abort("internetdisconnected");
    });
    await tracing.locator("form.card button[type=submit]").click();
    await tracing.locator("[role=alert]").waitFor();
    await capture(tracing, "14-new-case-offline-uk");
    await tracing.reload();
    expect(await tracing.locator("#family").inputValue()).toBe("Шевченко");
    await tracing.unroute("**/api/cases");

    const [request] = await Promise.all([
      tracing.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/cases")),
      tracing.locator("form.card button[type=submit]").click(),
    ]);
    expect((request.postDataJSON() as { clientId: string }).clientId).toBe(sent[0]);
    await tracing.waitForURL(/\/cases\/[^/]+$/);
    await tracing.goto("/cases/new");
    expect(await tracing.locator("#given").inputValue()).toBe("");
  });

  it("plans a batch; a child not yet eligible says which step is missing; once it is, the child joins and both sides confirm the handover", async () => {
    await mediator.goto("/batches");
    await mediator.locator("#batch-name").fill("Return group 1");
    await mediator.locator("#batch-date").fill("2026-12-20");
    await mediator.locator("#batch-point").fill("Synthetic crossing point");
    await mediator.locator("form button[type=submit]").first().click();
    await mediator.waitForURL(/\/batches\/[^/]+$/);
    const batchUrl = new URL(mediator.url()).pathname;
    await expect.poll(() => mediator.getByTestId("batch-status").textContent(), SLOW).toBe("planned");
    await mediator.getByTestId("batch-candidate").first().waitFor();
    await capture(mediator, "15-batch-planned-en");

    // The report is confirmed but the case has not been located nor verified: the server says what is missing.
    await mediator.getByTestId("batch-candidate").filter({ hasText: "Коваленко" }).getByRole("button").click();
    await expect.poll(() => mediator.locator("[data-testid=batch-candidate] [role=alert]").textContent(), SLOW).toMatch(/Not yet:/);
    await capture(mediator, "16-batch-not-eligible-en");

    await recordStep(tracing, tracingCase, "register");
    await recordStep(tracing, tracingCase, "return-consent");
    await signOut(holding);
    await signIn(holding, "holding");
    await recordStep(holding, tracingCase, "locate");
    await signOut(tracing);
    await signIn(tracing, "tracing-verifier");
    await recordStep(tracing, tracingCase, "verify-identity");
    await recordStep(mediator, tracingCase, "confirm-by-mediator");

    await mediator.goto(batchUrl);
    await mediator.getByTestId("batch-candidate").filter({ hasText: "Коваленко" }).getByRole("button").click();
    await mediator.getByTestId("batch-child").first().waitFor();
    for (const next of ["confirmed", "in transit"]) {
      await mediator.getByTestId("move-batch").click();
      await expect.poll(() => mediator.getByTestId("batch-status").textContent(), SLOW).toBe(next);
    }
    await capture(mediator, "17-batch-in-transit-en");

    await holding.goto(batchUrl);
    await holding.getByTestId("confirm-handover").click();
    await expect.poll(() => holding.locator("[data-testid=batch-child] .verified").count(), SLOW).toBe(1);
    await capture(holding, "18-batch-handover-holding-ru");
    await signOut(tracing);
    await signIn(tracing, "tracing");
    await tracing.goto(batchUrl);
    await tracing.getByTestId("confirm-handover").click();
    await expect.poll(() => tracing.locator("[data-testid=batch-child] .verified").count(), SLOW).toBe(2);
    expect(await tracing.getByTestId("confirm-handover").count()).toBe(0);
    await capture(tracing, "19-batch-handover-tracing-uk");

    await mediator.reload();
    await mediator.locator("#batch-next").selectOption("completed");
    await mediator.getByTestId("move-batch").click();
    await expect.poll(() => mediator.getByTestId("batch-status").textContent(), SLOW).toBe("completed");
    // Both parties see the batch they are in.
    await holding.goto("/batches");
    await holding.locator(`a[href="${batchUrl}"]`).waitFor();
  });

  it("shows the dashboard's counts after the return: the case reunited and a return this month", async () => {
    await tracing.goto("/");
    await tracing.getByTestId("dashboard-tiles").waitFor();
    await tracing.locator('a[href="/cases?status=reunited"]').waitFor();
    await capture(tracing, "20-dashboard-after-return-uk");
    // Every signed step on the case page is checked against the log in the browser.
    await tracing.goto(`/cases/${tracingCase}`);
    const steps = await tracing.locator(".timeline li").count();
    await expect.poll(() => tracing.getByTestId("step-verified").count(), SLOW).toBe(steps);
    expect(await tracing.getByTestId("step-failed").count()).toBe(0);
    await capture(tracing, "20b-case-timeline-verified-uk");
  });

  it("publishes the statistics at /stats without sign-in: small counts read <10, with a CSV download", async () => {
    const anonymous = await f.context("en");
    contexts.push(anonymous);
    const page = await anonymous.newPage();
    await page.goto("/stats");
    await page.getByTestId("stats-totals").waitFor();
    expect(await page.getByTestId("stats-totals").textContent()).toContain("<10");
    expect(await page.locator("#username").count()).toBe(0);
    // Every table is there, as a chart, as counts, or said to be withheld (few cases so far).
    await expect.poll(() => page.locator("figure.chart, section.card").count(), SLOW).toBe(6);
    await capture(page, "21-stats-public-en");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("stats-csv").click()]);
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
    expect(csv.split(/\r?\n/)[0]).toBe("table,label,value");
    expect(csv).not.toMatch(/,[1-9]\r?\n/);
  });

  it("uploads a CSV of disclosures with progress; a bad row is listed with its line and reason, the others imported", async () => {
    await holding.goto("/disclose");
    const csv = [
      "record_id,given_name,family_name,sex,birth_date,to,mediator,biography",
      "e2e-1,Марія,Шевченко,F,02.05.2013,tracing-authority,mediator,In a children's home since 2022.",
      "e2e-2,Олег,Шевченко,M,31.02.2013,tracing-authority,mediator,A day that does not exist.",
      "e2e-3,Іван,Бондар,M,11.11.2012,tracing-authority,mediator,With a foster family.",
    ].join("\n");
    await holding.locator("#csv-file").setInputFiles({ name: "disclosures.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await holding.locator("#csv-h ~ form button[type=submit]").click();
    await holding.getByTestId("csv-outcome").waitFor();
    expect(await holding.getByTestId("csv-progress").textContent()).toMatch(/3\D+3/);
    expect(await holding.locator("[data-testid=csv-rejected] tbody tr").count()).toBe(1);
    expect(await holding.locator("[data-testid=csv-rejected] tbody td").first().textContent()).toBe("3");
    await capture(holding, "22-disclosures-csv-ru");
  });
});
