/** Shown instead of a deal's figures while one of its stored dates cannot be read. */
export function UnreadableDateNotice({ field }: { field: string }) {
  return (
    <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="unreadable-date">
      <h2 className="font-semibold">This deal has a date we cannot read</h2>
      <p className="mt-1">
        The problem is {field}. Until it is fixed, this deal’s health, forecast and slippage are left out here and on the dashboard; every other deal is
        unaffected.
      </p>
      <p className="mt-1">Fix it by setting a date between 1 Jan 2000 and 31 Dec 2099 in the deal’s details or on the step.</p>
    </section>
  );
}
