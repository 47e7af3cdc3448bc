// Form posts with a file in them. The body is read with a cap before anything parses it, so a huge
// or endless upload costs at most the cap in memory, and a body the parser cannot read is the
// sender's mistake: both are answered as bad input (400), never as a server error.

/** The body was larger than the cap, or no readable multipart form. */
export class UnreadableUploadError extends Error {
  constructor(public readonly reason: "too-large" | "malformed") {
    super(reason === "too-large" ? "The upload is too large" : "The upload could not be read");
  }
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new UnreadableUploadError("too-large");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The multipart form of this request, read up to `maxBytes` of body; throws UnreadableUploadError otherwise. */
export async function readMultipartForm(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(type) || !request.body) throw new UnreadableUploadError("malformed");
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) throw new UnreadableUploadError("too-large");
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readCapped(request.body, maxBytes);
  } catch (error) {
    if (error instanceof UnreadableUploadError) throw error;
    throw new UnreadableUploadError("malformed");
  }
  try {
    return await new Response(bytes, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw new UnreadableUploadError("malformed");
  }
}

/** The bytes of the file posted as `name`, or empty when there is none. */
export async function fileBytes(form: FormData, name: string): Promise<Uint8Array> {
  const value = form.get(name);
  if (value === null || typeof value === "string") return new Uint8Array();
  return new Uint8Array(await value.arrayBuffer());
}
