import sharp from "sharp";
import type { DisclosureInput, TracingRequestInput } from "../domain/index.ts";
import type { RequestContext, Store } from "../store/index.ts";
import { DEMO_PARTIES } from "./demo-accounts.ts";

// The open channel in the demo: disclosures with biographies, services and generated photos (a
// coloured pattern, never a face), tracing requests addressed to the holding side and linked to
// their candidates, and one child worked in the reverse direction. Fixed client ids: idempotent.

const LEGAL = { legalBasis: { basis: "channel-agreement" as const, reference: "Synthetic demo agreement" } };

// A synthetic picture: a gradient and circles in the child's own colours, nothing more.
async function syntheticPhoto(seed: number): Promise<Buffer> {
  const hue = (seed * 67) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="640">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,75%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},50%,45%)"/></linearGradient></defs>
    <rect width="480" height="640" fill="url(#g)"/><circle cx="240" cy="250" r="110" fill="hsl(${(hue + 180) % 360},40%,60%)" opacity="0.6"/>
    <rect x="120" y="400" width="240" height="200" rx="40" fill="hsl(${(hue + 200) % 360},35%,50%)" opacity="0.6"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const DISCLOSED: (DisclosureInput & { key: string })[] = [
  {
    key: "d-1", names: [{ given: "Богдан", family: "Ткаченко", kind: "birth" }, { given: "Богдан", family: "Ткачёв", kind: "new-after-deportation" }], sex: "M", birthDate: "2012-06-14", birthPlace: "Мариуполь",
    biography: "Synthetic demo: brought from a Mariupol children's home in 2022; in a foster family since 2023; attends school.",
    nameChanges: [{ from: "Ткаченко", to: "Ткачёв", date: "2023-03", authority: "registry office" }],
    services: [{ kind: "medical", providerType: "state-institution", from: "2022-05", until: "2022-08", summary: "Treated for a fractured arm." }, { kind: "psychological", providerType: "ngo", from: "2022-09", summary: "Weekly sessions." }],
    placement: { kind: "foster-family", since: "2023-03", locality: "Rostov region", address: "Synthetic address, not shown to the other side" },
  },
  {
    key: "d-2", names: [{ given: "Дарья", family: "Мельник" }], sex: "F", birthDate: "2014-11", birthPlace: "Херсон",
    biography: "Synthetic demo: evacuated without her parents from the front line; in an institution since 2022.",
    services: [{ kind: "educational", providerType: "municipal", from: "2022-09", summary: "Enrolled in the local school." }],
    placement: { kind: "institution", since: "2022-06", name: "Children's home No. 3 (synthetic)" },
  },
];

const SOUGHT: (TracingRequestInput & { key: string })[] = [
  { key: "t-1", names: [{ given: "Богдан", family: "Ткаченко" }], sex: "M", birthDate: "2012-06-14", birthPlace: "Маріуполь", to: DEMO_PARTIES.holding.id, family: [{ relation: "mother", given: "Ірина", family: "Ткаченко", contact: { phone: "+380 00 000 0001" } }], notes: "Synthetic demo: the mother calls weekly." },
  { key: "t-2", names: [{ given: "Дарина", family: "Мельник" }], sex: "F", birthDate: "2014-11-03", birthPlace: "Херсон", to: DEMO_PARTIES.holding.id },
];

// The cases made, by key (d-1, t-1, reverse-held, reverse-sought…), for the demo's threads.
export type DemoChannelCases = Map<string, string>;

export async function seedDemoDisclosures(store: Store, ctx: { tracing: RequestContext; holding: RequestContext }): Promise<DemoChannelCases> {
  const mediator = DEMO_PARTIES.mediator.id;
  const made: DemoChannelCases = new Map();
  for (const [i, { key, ...d }] of DISCLOSED.entries()) {
    const { id } = await store.disclosures.create(ctx.holding, { ...d, ...LEGAL, to: DEMO_PARTIES.tracing.id, mediator }, { clientId: `demo-disclosure:${key}` });
    made.set(key, id);
    await store.photos.add(ctx.holding, id, { bytes: await syntheticPhoto(i + 1), contentType: "image/jpeg", caption: "Synthetic picture (no real child)" }, { clientId: `demo-photo:${key}` });
  }
  for (const { key, ...r } of SOUGHT) made.set(key, (await store.tracingRequests.create(ctx.tracing, { ...r, ...LEGAL, mediator }, { clientId: `demo-tracing-request:${key}` })).id);
  // The reverse direction: a girl held by the tracing authority, sought by the other side for her family.
  const girl = { names: [{ given: "Анастасия", family: "Воронцова" }], sex: "F" as const, birthDate: "2011-09-02", birthPlace: "Белгород" };
  const held = await store.disclosures.create(ctx.tracing, { ...girl, ...LEGAL, names: [{ given: "Анастасія", family: "Воронцова" }], biography: "Synthetic demo: found alone after shelling in 2023; in a foster family.", to: DEMO_PARTIES.holding.id, mediator }, { clientId: "demo-disclosure:reverse" });
  await store.photos.add(ctx.tracing, held.id, { bytes: await syntheticPhoto(9), contentType: "image/jpeg" }, { clientId: "demo-photo:reverse" });
  const sought = await store.tracingRequests.create(ctx.holding, { ...girl, ...LEGAL, to: DEMO_PARTIES.tracing.id, mediator }, { clientId: "demo-tracing-request:reverse" });
  made.set("reverse-held", held.id).set("reverse-sought", sought.id);
  return made;
}
