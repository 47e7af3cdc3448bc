/**
 * The posted form. A body that is not the form it claims to be (a broken multipart body, a wrong
 * boundary) is bad input: it gets a 400 with a plain sentence, never a 500 with a stack trace.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("This form could not be read. Reload the page and send it again.", { status: 400 });
  }
}
