import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Seconds left, counting down from the server's number. `resync` replaces the base with a fresh
 * server value; the client's clock only interpolates between server readings.
 */
export function useCountdown(serverSeconds: number | null) {
  const base = useRef<{ seconds: number; at: number } | null>(
    serverSeconds === null ? null : { seconds: serverSeconds, at: performance.now() },
  );
  const [left, setLeft] = useState(serverSeconds);
  useEffect(() => {
    if (base.current === null) return;
    const tick = () => {
      const b = base.current;
      if (b) setLeft(Math.max(0, b.seconds - Math.floor((performance.now() - b.at) / 1000)));
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, []);
  const resync = useCallback((seconds: number | null) => {
    if (seconds === null) return;
    base.current = { seconds, at: performance.now() };
    setLeft(seconds);
  }, []);
  return { left, resync };
}

export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, "0");
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}
