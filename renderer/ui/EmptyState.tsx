import type { ReactNode } from 'react';
import './ui.css';

export interface EmptyStateProps {
  title: string;
  description?: string;
  /** the next steps offered (buttons) */
  actions?: ReactNode;
  'data-testid'?: string;
}

/** An empty screen explains itself and offers the next step (DOMAIN.md). */
export function EmptyState({ title, description, actions, ...rest }: EmptyStateProps) {
  return (
    <div className="ui-empty" data-testid={rest['data-testid'] ?? 'empty-state'}>
      <p className="ui-empty__title">{title}</p>
      {description && <p className="ui-empty__description">{description}</p>}
      {actions && <div className="ui-empty__actions">{actions}</div>}
    </div>
  );
}
