// One editor's browser: its own cookies and its own kept-alive connection, opened with the page
// before the clock starts and reused as a browser reuses its idle one (an editor makes one request
// at a time; a shared pool would open new connections mid-run, each waiting to be accepted behind
// the busy server's work), same-origin headers on every post, redirects followed by hand so each
// request is timed and counted on its own.
import { Agent, fetch } from "undici";

export type Side = "seller" | "buyer";
export type RequestKind = "read" | "write";

export interface Sample {
  side: Side;
  kind: RequestKind;
  status: number;
  ms: number;
}

export interface Answer {
  status: number;
  location: string | null;
  body: string;
}

const TIMEOUT_MS = 30_000;

export class Browser {
  private readonly cookies = new Map<string, string>();
  private readonly connections = new Agent({ connections: 1 });

  constructor(
    private readonly base: string,
    readonly side: Side,
    cookie: string,
    /** Where timed requests go; replaced when the clock starts. */
    public samples: Sample[],
  ) {
    this.keep(cookie);
  }

  get(path: string, headers?: Record<string, string>): Promise<Answer> {
    return this.send("read", path, { method: "GET", headers });
  }

  /** A form post, urlencoded as a browser sends a form without files. */
  post(path: string, fields: Map<string, string>): Promise<Answer> {
    return this.send("write", path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.base },
      body: new URLSearchParams([...fields]).toString(),
    });
  }

  private async send(kind: RequestKind, path: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
    const started = performance.now();
    try {
      const response = await fetch(new URL(path, this.base), {
        ...init,
        headers: { ...init.headers, Cookie: this.cookieHeader(), "Sec-Fetch-Site": "same-origin" },
        redirect: "manual",
        dispatcher: this.connections,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = await response.text();
      for (const cookie of response.headers.getSetCookie()) this.keep(cookie);
      this.samples.push({ side: this.side, kind, status: response.status, ms: performance.now() - started });
      if (response.status >= 500 && process.env.LOAD_DEBUG) console.error(`${init.method} ${path} ${response.status}: ${body.slice(0, 300)}`);
      return { status: response.status, location: response.headers.get("Location"), body };
    } catch {
      // A refused connection or a timeout: counted as status 0, an error the run reports.
      this.samples.push({ side: this.side, kind, status: 0, ms: performance.now() - started });
      return { status: 0, location: null, body: "" };
    }
  }

  close(): Promise<void> {
    return this.connections.close();
  }

  private keep(setCookie: string) {
    const [pair, ...attributes] = setCookie.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || pair.slice(at + 1).trim() === "";
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(at + 1).trim());
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}
