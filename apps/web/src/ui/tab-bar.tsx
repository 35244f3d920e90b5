import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

export type TabItem = { key: string; to: string; label: string; icon?: ReactNode; accent?: boolean; end?: boolean };

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
          {tab.accent ? tab.icon : <span className="tab-label">{tab.label}</span>}
        </NavLink>
      ))}
    </nav>
  );
}
