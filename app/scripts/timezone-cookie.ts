// The cookie in which the buyer page's script reports the reader's timezone (an IANA name), so that
// scheduled email reaches buyers in their daytime. Read by app/utils/buyer-auth.server.ts.
export const TIMEZONE_COOKIE = "mutual_tz";
