// A local stand-in for Resend's HTTP API, so tests drive the real `resend` SDK end to end.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedEmail {
  id: string;
  /** When the request arrived (ms since the epoch). */
  at: number;
  headers: IncomingHttpHeaders;
  body: { from: string; to: string | string[]; subject: string; html?: string; text?: string };
}

export interface FakeResend {
  url: string;
  received: ReceivedEmail[];
  /** The next `count` requests answer with this HTTP status instead of accepting the email. */
  failNext(count: number, status?: number): void;
  /** The next `count` requests are accepted, but answered only after `ms` (or never, if the server closes first). */
  hangNext(count: number, ms: number): void;
  /** Requests that repeated an idempotency key already seen: answered as before, not delivered again. */
  repeats: number;
  close(): Promise<void>;
}

/**
 * `port` 0 picks a free one. Besides Resend's `POST /emails`, `GET /received` lists what was
 * accepted, for tests that run in another process than the fake.
 */
export async function startFakeResend(port = 0): Promise<FakeResend> {
  const received: ReceivedEmail[] = [];
  let failures = 0;
  let failureStatus = 500;
  let hangs = 0;
  let hangMs = 0;
  let repeats = 0;
  // Like Resend, a repeated idempotency key gets the first answer and sends nothing.
  const byIdempotencyKey = new Map<string, string>();
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      res.setHeader("Content-Type", "application/json");
      if (req.method === "GET" && req.url === "/received") {
        res.writeHead(200).end(JSON.stringify(received));
        return;
      }
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404).end(JSON.stringify({ name: "not_found", message: "Unknown endpoint", statusCode: 404 }));
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(failureStatus).end(JSON.stringify({ name: "application_error", message: "Simulated outage", statusCode: failureStatus }));
        return;
      }
      if (!String(req.headers.authorization ?? "").startsWith("Bearer ")) {
        res.writeHead(401).end(JSON.stringify({ name: "missing_api_key", message: "Missing API key", statusCode: 401 }));
        return;
      }
      const key = req.headers["idempotency-key"];
      const earlier = typeof key === "string" ? byIdempotencyKey.get(key) : undefined;
      if (earlier) {
        repeats++;
        res.writeHead(200).end(JSON.stringify({ id: earlier }));
        return;
      }
      const id = `fake_${received.length + 1}`;
      received.push({ id, at: Date.now(), headers: req.headers, body: JSON.parse(raw) });
      if (typeof key === "string") byIdempotencyKey.set(key, id);
      const answer = () => {
        if (!res.destroyed) res.writeHead(200).end(JSON.stringify({ id }));
      };
      if (hangs > 0) {
        hangs--;
        setTimeout(answer, hangMs).unref();
        return;
      }
      answer();
    });
  });
  // Node closes an idle kept-alive connection after 5 s, and a send that picks it up just then fails
  // with "Unable to fetch data"; a real provider keeps connections open far longer.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext(count, status = 500) {
      failures = count;
      failureStatus = status;
    },
    hangNext(count, ms) {
      hangs = count;
      hangMs = ms;
    },
    get repeats() {
      return repeats;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
