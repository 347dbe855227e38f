import { useRef } from "react";
import { type Loadable, useApi } from "../use-api.js";

/** Like useApi, but while a new `key` loads it keeps showing the last data (no flash, forms keep their state). */
export function useStaleApi<T>(key: string, load: () => Promise<T>): Loadable<T> {
  const value = useApi(key, load);
  const last = useRef<Loadable<T>>(value);
  if (value.state !== "loading") last.current = value;
  return value.state === "loading" && last.current.state === "ready" ? last.current : value;
}
