import { useEffect, useState } from "react";
import { ApiError } from "./api.js";

export type Loadable<T> =
  | { state: "loading" }
  | { state: "error"; error: ApiError }
  | { state: "ready"; data: T };

/** Runs an API call when `key` changes; ignores answers that arrive after a newer request. */
export function useApi<T>(key: string, load: () => Promise<T>): Loadable<T> {
  const [value, setValue] = useState<Loadable<T>>({ state: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the request; `load` is a new closure each render
  useEffect(() => {
    let live = true;
    setValue({ state: "loading" });
    load().then(
      (data) => live && setValue({ state: "ready", data }),
      (e: unknown) =>
        live &&
        setValue({ state: "error", error: e instanceof ApiError ? e : new ApiError(0, "client", String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return value;
}
