// The scorecard's pipeline sections: MEDDPICC distribution with the Commit check, next-step
// discipline and close-date pushes, plus the table of teams or reps the page drills into.
import { Link } from "@remix-run/react";
import { commitWarnings, MEDDPICC_MAX, MEDDPICC_QUALIFIED, NEXT_STEP_DAYS, type Scorecard, type ShownScorecard } from "~/domain/scorecard";
import { formatMoney } from "~/components/format";
import { BarChart } from "./bar-chart";
import { pct } from "./cards";
import { Cell, DealLink, Empty, Figure, MoreNote, Section, Table, days } from "./scorecard-tables";

/** The seed rule, checked for the scope shown: named per currency where it fails. */
export function CommitWarning({ s }: { s: Scorecard }) {
  const failing = commitWarnings(s);
  if (failing.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="commit-warning">
      <p className="font-medium">Commit is above the value of qualified deals.</p>
      {failing.map((currency) => {
        const money = s.meddpicc.byCurrency[currency];
        return (
          <p key={currency}>
            Deals closing in this window: {formatMoney(money.commitValue, currency)} called Commit, but only{" "}
            {formatMoney(money.qualifiedClosingValue, currency)} have a MEDDPICC score of {MEDDPICC_QUALIFIED} or more. Commit should never exceed that.
          </p>
        );
      })}
    </div>
  );
}

export function MeddpiccDistribution({ s }: { s: Scorecard }) {
  const m = s.meddpicc;
  return (
    <Section
      id="meddpicc"
      title="MEDDPICC distribution"
      description={`Open deals now. Qualified: a score of at least ${MEDDPICC_QUALIFIED} of ${MEDDPICC_MAX} (70%, rounded up).`}
    >
      {m.openDeals === 0 ? (
        <Empty>No open deal in this scope.</Empty>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <Figure label="Qualified deals" value={`${pct(m.countShare)}`} />
            <Figure label="Count" value={`${m.qualified} of ${m.openDeals}`} />
          </dl>
          <Table
            caption="Open pipeline value, and the qualified part, per currency"
            headers={["Currency", "Open value", "Qualified value", "Share", "Commit closing in window"]}
          >
            {Object.entries(m.byCurrency)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([currency, money]) => (
                <tr key={currency}>
                  <Cell strong>{currency}</Cell>
                  <Cell>{formatMoney(money.value, currency)}</Cell>
                  <Cell>{formatMoney(money.qualifiedValue, currency)}</Cell>
                  <Cell strong>{pct(money.valueShare)}</Cell>
                  <Cell warn={money.commitExceedsQualified}>
                    {formatMoney(money.commitValue, currency)} of {formatMoney(money.qualifiedClosingValue, currency)} qualified
                  </Cell>
                </tr>
              ))}
          </Table>
          <BarChart
            title="Open deals by MEDDPICC total"
            description={`Totals 0 to 16, and the deals never scored. Qualified from ${MEDDPICC_QUALIFIED}.`}
            labels={[...m.histogram.map((_, total) => String(total)), "Not scored"]}
            series={[{ name: "Open deals", color: "#4f46e5", values: [...m.histogram, m.notScored] }]}
            format={(v) => String(Math.round(v))}
          />
        </>
      )}
    </Section>
  );
}

export function NextSteps({ s, ownerNames }: { s: ShownScorecard; ownerNames: Record<string, string> }) {
  const n = s.nextStep;
  return (
    <Section
      id="next-steps"
      title="Next-step discipline"
      description={`Open deals with a shared or accepted plan: how many have a step not yet done, with an owner and a date in the next ${NEXT_STEP_DAYS} days.`}
    >
      {n.active === 0 ? (
        <Empty>No open deal has a shared plan in this scope.</Empty>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <Figure label="With a next step" value={pct(n.share)} />
            <Figure label="Count" value={`${n.withNextStep} of ${n.active}`} />
          </dl>
          {s.withoutNextStepCount === 0 ? (
            <Empty>Every active deal has a next step.</Empty>
          ) : (
            <Table caption={`Deals without a next step (${s.withoutNextStepCount})`} headers={["Deal"]}>
              {n.without.map((deal) => (
                <tr key={deal.dealId}>
                  <Cell>
                    <DealLink deal={deal} owner={ownerNames[deal.ownerId]} />
                  </Cell>
                </tr>
              ))}
            </Table>
          )}
          <MoreNote shown={n.without.length} total={s.withoutNextStepCount} />
        </>
      )}
    </Section>
  );
}

export function ClosePushes({ s }: { s: Scorecard }) {
  const p = s.pushes;
  return (
    <Section id="pushes" title="Close-date pushes" description="Target close dates moved later in the window.">
      {p.pushes === 0 ? (
        <Empty>No close date was pushed in this window.</Empty>
      ) : (
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <Figure label="Pushes" value={String(p.pushes)} />
          <Figure label="Deals pushed" value={String(p.dealsPushed)} />
          <Figure label="Days pushed in all" value={days(p.daysPushed)} />
          <Figure label="Open deals pushed" value={`${pct(p.openShare)} (${p.openDealsPushed} of ${p.openDeals})`} />
        </dl>
      )}
    </Section>
  );
}

export function ScorecardRows({
  rows,
  rowsAre,
}: {
  rows: Array<{ key: string; name: string; href: string; scorecard: ShownScorecard }>;
  rowsAre: "team" | "rep";
}) {
  if (rows.length === 0) return null;
  return (
    <Section id="scorecard-rows" title={`By ${rowsAre}`} description={`Open a ${rowsAre} to see its figures and deals.`}>
      <Table
        caption={`Each ${rowsAre}'s figures; the cards above add them up`}
        headers={["Name", "Qualified (MEDDPICC)", "Next step", "Aging", "Pushes", "Won deals", "Median cycle", "Commit check"]}
      >
        {rows.map((row) => {
          const s = row.scorecard;
          const warnings = commitWarnings(s);
          return (
            <tr key={row.key}>
              <Cell strong>
                <Link to={row.href} className="text-brand-700 underline">
                  {row.name}
                </Link>
              </Cell>
              <Cell>{pct(s.meddpicc.countShare)}</Cell>
              <Cell>{pct(s.nextStep.share)}</Cell>
              <Cell>{s.agingCount}</Cell>
              <Cell>{s.pushes.pushes}</Cell>
              <Cell>{s.salesCycle.count}</Cell>
              <Cell>{days(s.salesCycle.median)}</Cell>
              <Cell warn={warnings.length > 0}>{warnings.length ? `Commit too high (${warnings.join(", ")})` : "OK"}</Cell>
            </tr>
          );
        })}
      </Table>
    </Section>
  );
}
