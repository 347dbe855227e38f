import { useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, api } from "../api.js";
import type { StartInput } from "./exam-types.js";

/** Starts an attempt and opens it; keeps the API's error message for the page to show. */
export function useStartAttempt() {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const start = async (input: StartInput, label = "start") => {
    setBusy(label);
    setError(null);
    try {
      const attempt = await api.startAttempt(input);
      navigate(`/attempts/${attempt.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "client", String(e)));
      setBusy(null);
    }
  };
  return { start, busy, error };
}
