// Reads a request body with a byte budget: reading stops at the limit, so an oversized body (with
// or without a Content-Length, chunked included) costs at most the budget in memory, never its size.
import "server-only";
import { AppError } from "@/lib/errors";

export async function readBodyWithin(request: Request, maxBytes: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The body as JSON within the budget; malformed JSON is a 422 that shows the expected shape. */
export async function readJsonWithin(request: Request, options: { maxBytes: number; tooLarge: string; expected: string }): Promise<unknown> {
  const bytes = await readBodyWithin(request, options.maxBytes, options.tooLarge);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("INVALID_INPUT", `The request body must be JSON in UTF-8: ${options.expected}.`);
  }
}
