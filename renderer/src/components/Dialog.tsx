/** A modal dialog on the native <dialog> element (focus trap, Escape, top layer). */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of a modal dialog. */
export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons shown at the bottom right. */
  actions: ReactNode;
  role?: 'dialog' | 'alertdialog';
}

/** A modal dialog; Escape or the backdrop's close button call `onClose`. */
export function Dialog({ title, onClose, children, actions, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // The control that opened the dialog gets focus back when it closes
    // (Escape, Cancel or done): the dialog leaves the page before <dialog>
    // could restore it itself, and focus would fall to the page body.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the dialog itself unless a child carries the
      // autofocus attribute (React's autoFocus does not set it): put focus
      // where the user will type or answer.
      dialog
        .querySelector<HTMLElement>(
          '[data-autofocus], .dialog-body input, .dialog-body textarea, .dialog-body select',
        )
        ?.focus();
    }
    return () => {
      dialog?.close();
      const lost =
        !document.activeElement ||
        document.activeElement === document.body ||
        !document.activeElement.isConnected ||
        (dialog?.contains(document.activeElement) ?? false);
      if (opener?.isConnected && opener !== document.body && lost) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      className="dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
