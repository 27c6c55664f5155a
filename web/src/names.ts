interface NameLike {
  given?: string;
  family?: string;
  patronymic?: string;
}

export function fullName(n: NameLike | undefined): string {
  if (n === undefined) return "—";
  return [n.given, n.patronymic, n.family].filter(Boolean).join(" ") || "—";
}
