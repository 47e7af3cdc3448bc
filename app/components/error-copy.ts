/** The title and plain sentence an error page shows for a status, never a stack trace. */
export function errorCopy(status: number, message?: string): { title: string; message: string } {
  const said = message?.trim() ? message : undefined;
  if (status === 404) return { title: "Not found", message: "This page does not exist, or you do not have access to it." };
  if (status === 403) return { title: "Not allowed", message: said ?? "You are not allowed to do that." };
  if (status === 429) return { title: "Too many attempts", message: said ?? "Wait a few minutes and try again." };
  if (status >= 400 && status < 500) return { title: `Error ${status}`, message: said ?? "That request could not be handled." };
  return { title: "Something went wrong", message: "The error was logged. Try again in a moment." };
}
