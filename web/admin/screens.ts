/**
 * One screen at a time, chosen by the address's #fragment (so the browser's Back works and a screen can be
 * bookmarked). Showing a screen hides the others, marks its link as current and moves the focus to its
 * heading, so that a screen reader announces where the person now is. The screens and links a role may not
 * use are hidden (the API refuses them anyway).
 */
import type { Role } from '../../shared/auth/roles.ts';
import type { AdminApi, Campaign } from './admin-api.ts';
import { byId } from './dom.ts';

export const SCREENS = [
  'loading',
  'signin',
  'dashboard',
  'households',
  'vouchers',
  'shops',
  'campaigns',
  'imports',
  'runs',
  'applications',
  'settlements',
  'audit',
] as const;
export type ScreenName = (typeof SCREENS)[number];

/** What every screen module is given. */
export interface AdminContext {
  readonly api: AdminApi;
  /** The campaign chosen in the header ('' before the list arrives). */
  campaignId(): string;
  campaign(): Campaign | undefined;
  /** The signed-in user holds one of these roles. */
  can(...roles: Role[]): boolean;
  /** Handles an expired session or a refused role (back to sign-in); true when it did. */
  onAuthError(error: unknown): boolean;
  /** Re-reads the campaign list (after a creation or an extension). */
  reloadCampaigns(): Promise<void>;
}

export interface Screen {
  /** Called each time the screen is shown. */
  open(): void;
  /** Called when another screen replaces it (stops polling). */
  close?(): void;
}

let current: ScreenName = 'loading';

export function currentScreen(): ScreenName {
  return current;
}

export function isScreenName(name: string): name is ScreenName {
  return (SCREENS as readonly string[]).includes(name);
}

/** The roles an element is for (`data-roles="staff admin"`); none: everyone. */
export function allowedFor(element: HTMLElement, roles: readonly Role[]): boolean {
  const wanted = element.dataset.roles?.split(/\s+/).filter(Boolean);
  return !wanted || wanted.some((role) => roles.includes(role as Role));
}

/** Shows or hides every element marked with data-roles. */
export function applyRoles(roles: readonly Role[]): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-roles]')) {
    const item = element.closest('li') ?? element;
    item.hidden = !allowedFor(element, roles);
  }
}

export function showScreen(name: ScreenName): void {
  current = name;
  for (const screen of SCREENS) byId(`screen-${screen}`).hidden = screen !== name;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#nav a[data-screen]')) {
    if (link.dataset.screen === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.body.dataset.screen = name;
  byId(`screen-${name}`).querySelector<HTMLElement>('h1')?.focus();
}
