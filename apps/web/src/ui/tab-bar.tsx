import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

export type TabItem = {
  key: string;
  to: string;
  label: string;
  icon?: ReactNode;
  accent?: boolean;
  end?: boolean;
  /** A red count on the tab (e.g. unread messages) and its words for screen readers. */
  badge?: { count: number; label: string };
};

/** The bottom tab bar. An `accent` tab (发布) renders as the red centre button. */
export function TabBar({ items, label }: { items: TabItem[]; label: string }) {
  return (
    <nav className="tab-bar" aria-label={label}>
      {items.map((tab) => (
        <NavLink
          key={tab.key}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) => ['tab', tab.accent ? 'tab-accent' : '', isActive ? 'tab-active' : ''].join(' ')}
          aria-label={tab.accent ? tab.label : undefined}
        >
          {tab.accent ? (
            tab.icon
          ) : (
            <span className="tab-label">
              {tab.label}
              {tab.badge && tab.badge.count > 0 && (
                <>
                  <span className="tab-badge" data-testid={`tab-badge-${tab.key}`} aria-hidden="true">
                    {tab.badge.count > 99 ? '99+' : tab.badge.count}
                  </span>
                  <span className="sr-only">{tab.badge.label}</span>
                </>
              )}
            </span>
          )}
        </NavLink>
      ))}
    </nav>
  );
}
