import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { browserFixture, capture, signIn, type BrowserFixture } from "./browser-fixture.ts";

// The channel through the UI, three parties in three browser contexts (tracing in Ukrainian,
// holding in Russian, the mediator in English), on one server and one browser.
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

async function registerCase(page: Page, child: { given: string; family: string; sex: string; birthDate: string; birthPlace: string }): Promise<string> {
  await page.getByRole("link", { name: /./ }).and(page.locator('a[href="/cases/new"]')).click();
  await page.locator("#given").fill(child.given);
  await page.locator("#family").fill(child.family);
  await page.locator("#sex").selectOption(child.sex);
  await page.locator("#birth-date").fill(child.birthDate);
  await page.locator("#birth-place").fill(child.birthPlace);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/cases\/[^/]+$/);
  await page.locator("h1").waitFor();
  return page.url().split("/").pop()!;
}

describe("the channel in the browser", () => {
  let tracingCase = "";
  let holdingCase = "";

  it("signs each party in; the header says who and for which party, in the context's language", async () => {
    await tracing.goto("/");
    await expect.poll(() => tracing.locator("html").getAttribute("lang")).toBe("uk");
    await capture(tracing, "01-sign-in-uk");
    await signIn(tracing, "tracing");
    await signIn(holding, "holding");
    await signIn(mediator, "mediator");
    expect(await tracing.getByTestId("who").textContent()).toContain("tracing-authority");
    expect(await holding.getByTestId("who").textContent()).toContain("holding-authority");
    expect(await mediator.getByTestId("who").textContent()).toContain("mediator");
    await capture(tracing, "02-dashboard-uk");
  });

  it("registers the child on both sides: the tracing authority in Cyrillic, the holding one in Latin script", async () => {
    await tracing.goto("/cases");
    tracingCase = await registerCase(tracing, { given: "Олександр", family: "Коваленко", sex: "M", birthDate: "2014-03-07", birthPlace: "Маріуполь" });
    await capture(tracing, "03-case-tracing-uk");
    await holding.goto("/cases");
    holdingCase = await registerCase(holding, { given: "Aleksandr", family: "Kovalenko", sex: "M", birthDate: "2014-03-07", birthPlace: "Mariupol" });
    await capture(holding, "04-case-holding-ru");
    expect(tracingCase).not.toBe(holdingCase);
  });

  it("finds the child by a prefix in another script as one types", async () => {
    await tracing.goto("/cases");
    await tracing.locator("#case-search").pressSequentially("Kovalenk", { delay: 20 });
    await tracing.getByRole("link", { name: /Коваленко/ }).waitFor();
    await capture(tracing, "05-cases-search-uk");
  });
});
