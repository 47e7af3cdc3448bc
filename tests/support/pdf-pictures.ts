// A PDF's pages as PNG pictures, drawn by pdf.js (the pdfjs-dist package) inside Chromium itself:
// no PDF tool has to be on the machine. pdf.js and the PDF are served from a small local server of
// their own, so the drawing page has an ordinary origin for its module and worker scripts.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "@playwright/test";

/** The number of pages of a PDF that Chromium wrote (its page objects are plain dictionaries). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

const DRAWING_PAGE = `<!DOCTYPE html><html><body style="margin:0;background:#94a3b8">
<canvas id="sheet" style="display:block"></canvas>
<script type="module">
  import * as pdfjs from "/pdf.mjs";
  pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
  const pdf = await pdfjs.getDocument({ url: "/document.pdf" }).promise;
  const canvas = document.getElementById("sheet");
  window.drawPage = async (number, scale) => {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale });
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
    return { width: canvas.width, height: canvas.height };
  };
  window.pageCount = pdf.numPages;
</script></body></html>`;

function serve(pdf: Buffer): Promise<Server> {
  const build = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/build/pdf.mjs"));
  const files: Record<string, [string, Buffer | string]> = {
    "/": ["text/html", DRAWING_PAGE],
    "/pdf.mjs": ["text/javascript", readFileSync(path.join(build, "pdf.mjs"))],
    "/pdf.worker.mjs": ["text/javascript", readFileSync(path.join(build, "pdf.worker.mjs"))],
    "/document.pdf": ["application/pdf", pdf],
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://localhost").pathname];
    response.writeHead(file ? 200 : 404, { "Content-Type": file ? file[0] : "text/plain" });
    response.end(file ? file[1] : "Not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Draws the first `pages` pages of the PDF and returns each as a PNG. `scale` 1 is 72 dots per
 * inch; 1.5 makes an A4 page about 890 pixels wide.
 */
export async function pdfPagePictures(browser: Browser, pdf: Buffer, pages: number, scale = 1.5): Promise<Buffer[]> {
  const server = await serve(pdf);
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => typeof (window as unknown as { pageCount?: number }).pageCount === "number");
    const count = await page.evaluate(() => (window as unknown as { pageCount: number }).pageCount);
    const pictures: Buffer[] = [];
    for (let number = 1; number <= Math.min(pages, count); number++) {
      const size = await page.evaluate(
        ([n, s]) => (window as unknown as { drawPage: (n: number, s: number) => Promise<{ width: number; height: number }> }).drawPage(n, s),
        [number, scale] as const,
      );
      await page.setViewportSize(size);
      pictures.push(await page.locator("#sheet").screenshot());
    }
    return pictures;
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
