import { describe, expect, it } from "vitest";
import { findMentions, type Mentionable } from "./mentions";

const ana = { id: "ana", name: "Ana Buyer" };
const anaMaria = { id: "ana-maria", name: "Ana Maria Lopez" };
const ann = { id: "ann", name: "Ann" };
const anna = { id: "anna", name: "Anna Schmidt" };
const rita = { id: "rita", name: "Rita Rep" };

describe("finding @mentions", () => {
  it.each<[string, Mentionable[], string[]]>([
    ["@Ana Buyer can you check?", [ana, rita], ["ana"]],
    ["@ana can you check?", [ana, rita], ["ana"]],
    ["@ANA BUYER and @rita rep", [ana, rita], ["ana", "rita"]],
    ["thanks @Rita!", [ana, rita], ["rita"]],
    ["(@rita)", [rita], ["rita"]],
    ["@Ana   Buyer across spaces", [ana], ["ana"]],
    ["@Ana\nBuyer across a line", [ana], ["ana"]],
    // A name that begins another: the longest name that fits wins, and a shorter one still works alone.
    ["@Ana Maria Lopez signed", [ana, anaMaria], ["ana-maria"]],
    ["@Ann and @Anna Schmidt", [ann, anna], ["ann", "anna"]],
    ["@Anna", [ann, anna], ["anna"]],
    ["@Annabel is nobody here", [ann, anna], []],
    // Two people called Ana: the first name alone names neither, the full name one of them.
    ["@ana please", [ana, anaMaria], []],
    ["@ana buyer please", [ana, anaMaria], ["ana"]],
    // A full name beats someone else's first name.
    ["@Ann", [ann, { id: "ann-lee", name: "Ann Lee" }], ["ann"]],
    // Addresses are not mentions.
    ["write to ana@buyer.example or rita.rep@seller.example", [ana, rita], []],
    ["a@b.com", [{ id: "b", name: "b" }], []],
    ["mail me at x@rita.example, @rita", [rita], ["rita"]],
    // Each person once, in the order first named.
    ["@rita @ana @Rita Rep", [ana, rita], ["rita", "ana"]],
    ["no mention at all", [ana], []],
    ["@ alone", [ana], []],
    ["@", [ana], []],
    ["@someone else", [ana], []],
  ])("%j names %j", (text, people, expected) => {
    expect(findMentions(text, people)).toEqual(expected);
  });

  it("ignores people without a name", () => {
    expect(findMentions("@ hello", [{ id: "blank", name: "  " }])).toEqual([]);
  });
});
