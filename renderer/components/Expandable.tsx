import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useInlineForm } from './useInlineForm';

/**
 * A form that is not needed every time (e.g. another interview for an approved person): a button
 * until asked for, then the form with focus in it; Escape or Avbryt closes it again.
 */
export function Expandable({
  label,
  children,
  open: startOpen = false,
}: {
  label: string;
  children: (close: () => void) => ReactNode;
  open?: boolean;
}) {
  const [open, setOpen] = useState(startOpen);
  if (startOpen) return <>{children(() => {})}</>;
  if (!open)
    return (
      <Button className="button" onPress={() => setOpen(true)}>
        {label}
      </Button>
    );
  return <Opened onClose={() => setOpen(false)}>{children(() => setOpen(false))}</Opened>;
}

function Opened({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const ref = useInlineForm<HTMLDivElement>(onClose);
  return (
    <div ref={ref} className="stack">
      {children}
      <Button className="link" onPress={onClose}>
        Avbryt
      </Button>
    </div>
  );
}
