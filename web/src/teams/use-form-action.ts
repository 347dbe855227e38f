import { type FormEvent, useState } from "react";
import { ApiError } from "../api.js";

/**
 * A form's submit against the API: busy while it runs, the API's error (ApiError) on failure, and the
 * sentence `action` returns on success (shown as the form's status).
 */
export function useFormAction(action: () => Promise<string>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState("");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone("");
    try {
      setDone(await action());
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "client", String(err)));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, submit };
}
