import type { ReactNode } from "react";
import type { ApiError } from "../api.js";
import type { Loadable } from "../use-api.js";

/** Renders loading and error states the same way everywhere; `children` gets the data. */
export function Status<T>({
  value,
  children,
  what,
}: {
  value: Loadable<T>;
  children: (data: T) => ReactNode;
  what: string;
}) {
  if (value.state === "loading")
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  if (value.state === "error") return <ErrorBox error={value.error} />;
  return <>{children(value.data)}</>;
}

export function ErrorBox({ error }: { error: ApiError }) {
  return (
    <div className="notice notice-error" role="alert">
      <strong>Something went wrong.</strong> {error.message}
    </div>
  );
}

export function Badge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${status}`}>{status === "unknown" ? "start date unknown" : status}</span>
  );
}

export function Title({ children }: { children: string }) {
  if (typeof document !== "undefined") document.title = `${children} · certpath`;
  return <h1>{children}</h1>;
}
