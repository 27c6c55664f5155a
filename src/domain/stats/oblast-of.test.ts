import { describe, expect, it } from "vitest";
import { oblastOf } from "./oblast-of.ts";

describe("oblastOf", () => {
  it("places a town in its region in either script and in Latin", () => {
    expect(oblastOf("Маріуполь")).toBe("donetsk");
    expect(oblastOf("Мариуполь")).toBe("donetsk");
    expect(oblastOf("Mariupol")).toBe("donetsk");
    expect(oblastOf("Артёмовск")).toBe("donetsk");
    expect(oblastOf("Нова Каховка")).toBe("kherson");
    expect(oblastOf("Куп'янськ")).toBe("kharkiv");
    expect(oblastOf("Луганська область")).toBe("luhansk");
  });
  it("tells Kyiv city from Kyiv oblast and Sumy from words that merely contain its stem", () => {
    expect(oblastOf("м. Київ")).toBe("kyiv-city");
    expect(oblastOf("Буча, Київська область")).toBe("kyiv");
    expect(oblastOf("Сумська область")).toBe("sumy");
    expect(oblastOf("Рассумово")).toBe("unknown");
  });
  it("takes the first place that names a region, else unknown", () => {
    expect(oblastOf(undefined, "Херсон")).toBe("kherson");
    expect(oblastOf("Ростов-на-Дону")).toBe("unknown");
    expect(oblastOf()).toBe("unknown");
  });
});
