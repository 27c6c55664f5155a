import type { ViewKind } from "./access-policy.ts";
import type { DisclosureContent } from "./disclosure.ts";

export interface DisclosureView extends Partial<DisclosureContent> {
  caseId: string;
  party: string;
  view: ViewKind;
  version: number;
  disclosedAt: string;
  photos: string[];
}

const WITHHELD = "[withheld]";

// Owner: everything. Mediator and the other side: everything the channel needs to verify the
// child, without the placement's address. Auditor: that and when things were disclosed, the
// identity changes and the service periods, without the biography, any service's summary or photos.
export function projectDisclosure(
  content: DisclosureContent,
  meta: { caseId: string; party: string; version: number; disclosedAt: string; photos: string[] },
  view: ViewKind,
): DisclosureView {
  const out: DisclosureView = { ...meta, view };
  out.nameChanges = content.nameChanges;
  out.citizenshipChanges = content.citizenshipChanges;
  if (view === "full") return { ...out, ...content };
  const placement = content.placement ? (({ address: _a, ...rest }) => rest)(content.placement) : undefined;
  if (view === "auditor") {
    out.photos = [];
    out.services = content.services.map((s) => ({ ...s, summary: WITHHELD }));
    if (placement) out.placement = { kind: placement.kind, ...(placement.since ? { since: placement.since } : {}) };
    return out;
  }
  out.biography = content.biography;
  out.services = content.services;
  if (placement) out.placement = placement;
  return out;
}
