/**
 * The error alert at the top of a form (shared by every form): the problem's title and
 * explanation, then one link per invalid field that moves the focus to it, and the messages with
 * no field on the form. Takes the focus each time new errors arrive (RGAA 11.10, 11.11).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef, type MouseEvent } from 'react';

export interface ErrorSummaryItem {
  /** Stable key (the field path). */
  key: string;
  message: string;
  /** The field to focus, and the text of the link ("Label: message"); without it, the message alone. */
  target?: { id: string; text: string };
}

export function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (target === null) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

export function ErrorSummary({
  title,
  detail,
  items,
  others = [],
  headingAs = 'h2',
  className,
  focusKey,
}: {
  title: string;
  detail?: string | undefined;
  items: readonly ErrorSummaryItem[];
  others?: readonly string[];
  headingAs?: 'h2' | 'h3';
  className?: string;
  /** Changes whenever new errors arrive (the errors object itself): the summary takes the focus then. */
  focusKey: unknown;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [focusKey]);

  return (
    <div ref={box} tabIndex={-1} className={className === undefined ? 'fr-mb-4w' : `fr-mb-4w ${className}`}>
      <Alert
        severity="error"
        as={headingAs}
        role={undefined}
        title={title}
        description={
          <>
            {detail !== undefined && <p>{detail}</p>}
            {(items.length > 0 || others.length > 0) && (
              <ul>
                {items.map(({ key, message, target }) => (
                  <li key={key}>
                    {target === undefined ? (
                      message
                    ) : (
                      <a href={`#${target.id}`} onClick={(event) => focusField(event, target.id)}>
                        {target.text}
                      </a>
                    )}
                  </li>
                ))}
                {others.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
}
