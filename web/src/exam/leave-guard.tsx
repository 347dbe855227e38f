import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useModal } from "./use-modal.js";

/**
 * While an attempt is running, a click on a link that leaves it (the site navigation, the footer)
 * asks first in a dialog. Links marked `data-leave-ok` and links inside the exam itself pass.
 */
export function LeaveGuard({ message }: { message: string }) {
  const navigate = useNavigate();
  const [target, setTarget] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.closest(".exam, [data-leave-ok]")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      // Capture phase, before React Router's own handler: the link does nothing until the learner decides.
      e.preventDefault();
      e.stopPropagation();
      setTarget(url.pathname + url.search + url.hash);
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);
  useModal(ref, target !== null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="leave-title" onClose={() => setTarget(null)}>
      <h2 id="leave-title">Leave this attempt?</h2>
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={() => setTarget(null)}>
          Stay
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            const to = target;
            setTarget(null);
            if (to) navigate(to);
          }}
        >
          Leave
        </button>
      </div>
    </dialog>
  );
}
