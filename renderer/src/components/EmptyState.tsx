import type { ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  /** The one next action: a button or a link. */
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2 className="empty-state-title">{title}</h2>
      <div className="empty-state-body">{children}</div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </section>
  );
}
