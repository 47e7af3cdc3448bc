import type { ReactNode } from "react";

/** The narrow centred card that sign-in and link pages share; readable on a phone. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <p className="text-sm font-bold text-brand-700">Mutual</p>
        <h1 className="mt-2 text-xl font-semibold">{title}</h1>
        <div className="mt-4 space-y-4">{children}</div>
      </div>
    </main>
  );
}
