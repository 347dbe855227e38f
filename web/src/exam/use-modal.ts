import { type RefObject, useEffect } from "react";

/** Opens the <dialog> as a modal while `open` is true and closes it when it turns false. */
export function useModal(ref: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [ref, open]);
}
