import { describe, expect, it } from "vitest";
import { renderNote } from "@/lib/interviews/render-note";

describe("an interviewer's note as HTML", () => {
  it("renders Markdown: emphasis, lists, code, tables and links", async () => {
    const html = await renderNote("**Strong** on paging\n\n- TLB\n- `mmap`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[man](https://man7.org/linux/man-pages/)");
    expect(html).toContain("<strong>Strong</strong>");
    expect(html).toContain("<li>TLB</li>");
    expect(html).toContain("<code>mmap</code>");
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://man7.org/linux/man-pages/">man</a>');
  });

  it("passes no script through: raw HTML, javascript: links, event handlers and styles are dropped", async () => {
    const html = await renderNote(
      [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(2)">',
        "[click](javascript:alert(3))",
        "![x](javascript:alert(4))",
        '<a href="#" onclick="alert(5)">a</a>',
        '<div style="position:fixed">cover</div>',
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|style=|data:text/i);
    expect(html).toContain("click");
  });
});
