import { describe, expect, it } from "vitest";
import { firstLoadScriptSources } from "@/scripts/bench/first-load";

// The bench's "first-load JS" counts what a modern browser runs from a page's HTML, no more.
describe("firstLoadScriptSources", () => {
  it("lists external scripts in order and leaves out noModule polyfills and inline scripts", () => {
    const html = [
      '<html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/a.js"/>',
      '<script src="/_next/a.js" async=""></script>',
      '<script nonce="n">self.__next_f=self.__next_f||[]</script></head><body>',
      '<script src="/_next/polyfills.js" noModule=""></script>',
      '<script id="_R_" src="/_next/b.js" async=""></script>',
      '<SCRIPT SRC="/_next/c.js"></SCRIPT></body></html>',
    ].join("");
    expect(firstLoadScriptSources(html)).toEqual(["/_next/a.js", "/_next/b.js", "/_next/c.js"]);
  });

  it("finds nothing in a page without scripts", () => {
    expect(firstLoadScriptSources('<html><body><p>src="x.js"</p></body></html>')).toEqual([]);
  });
});
