/**
 * The staff admin page: sign in, choose a campaign, and work through the screens the role allows (dashboard,
 * households, vouchers, shops, campaigns, register imports, issuance and letters, applications,
 * settlements, audit log). This module only wires them together; each screen lives in its own module.
 */
import type { Role } from '../../shared/auth/roles.ts';
import { brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { ApiError } from '../lib/api-client.ts';
import { Session } from '../lib/auth/session.ts';
import { chooseLanguage } from '../lib/i18n/language.ts';
import { adminApi, type Campaign } from './admin-api.ts';
import { setupApplications } from './applications.ts';
import { setupAudit } from './audit.ts';
import { setupCampaigns } from './campaigns.ts';
import { setupDashboard } from './dashboard.ts';
import { byId, element, show, translatePage } from './dom.ts';
import { setupHouseholds } from './households.ts';
import { LANGUAGES, t } from './i18n/index.ts';
import { setupImports } from './imports.ts';
import { setupRuns } from './runs.ts';
import {
  type AdminContext,
  allowedFor,
  applyRoles,
  currentScreen,
  isScreenName,
  type Screen,
  type ScreenName,
  showScreen,
} from './screens.ts';
import { setupSettlements } from './settlements.ts';
import { setupShops } from './shops.ts';
import { setupSignIn } from './sign-in.ts';
import { setupVouchers } from './vouchers.ts';

const STAFF_ROLES: readonly Role[] = ['staff', 'admin', 'finance'];
const CAMPAIGN_KEY = 'admin.campaign';

const session = new Session('admin.session', 'staff');
const api = adminApi(session);
const select = byId<HTMLSelectElement>('campaign-select');
let roles: readonly Role[] = [];
let campaigns: readonly Campaign[] = [];

function signedInChrome(visible: boolean): void {
  show(byId('nav'), visible);
  show(byId('account'), visible);
  show(byId('campaign-picker'), visible && campaigns.length > 0);
}

function onAuthError(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 401) return false;
  closeCurrent();
  signedInChrome(false);
  signIn.open('signin.expired');
  return true;
}

const context: AdminContext = {
  api,
  campaignId: () => select.value,
  campaign: () => campaigns.find((campaign) => campaign.campaignId === select.value),
  can: (...wanted) => wanted.some((role) => roles.includes(role)),
  onAuthError,
  reloadCampaigns: () => loadCampaigns(),
};

const signIn = setupSignIn({ session, onSignedIn: () => void start() });
const screens: Partial<Record<ScreenName, Screen>> = {
  dashboard: setupDashboard(context),
  households: setupHouseholds(context),
  vouchers: setupVouchers(context, (householdRef) => households.prefill(householdRef)),
  shops: setupShops(context),
  campaigns: setupCampaigns(context),
  imports: setupImports(context),
  runs: setupRuns(context),
  applications: setupApplications(context),
  settlements: setupSettlements(context),
  audit: setupAudit(context),
};
const households = screens.households as ReturnType<typeof setupHouseholds>;

function closeCurrent(): void {
  screens[currentScreen()]?.close?.();
}

/** The screen the address names, if this role may see it; else the dashboard. */
function route(): void {
  if (roles.length === 0) return;
  const wanted = location.hash.replace(/^#/, '');
  const link = document.querySelector<HTMLElement>(`#nav a[data-screen="${CSS.escape(wanted)}"]`);
  const name: ScreenName = isScreenName(wanted) && link && allowedFor(link, roles) ? wanted : 'dashboard';
  closeCurrent();
  showScreen(name);
  screens[name]?.open();
}

/** The campaign kept from last time, else the one running today, else the latest. */
function defaultCampaign(): string {
  const kept = localStorage.getItem(CAMPAIGN_KEY);
  if (kept && campaigns.some((campaign) => campaign.campaignId === kept)) return kept;
  const today = brusselsDateOf(new Date());
  const running = campaigns.filter((campaign) => campaign.startDate <= today && today <= campaign.endDate);
  return (running.at(-1) ?? campaigns.at(-1))?.campaignId ?? '';
}

async function loadCampaigns(): Promise<void> {
  const chosen = select.value;
  campaigns = (await api.campaigns()).items;
  select.replaceChildren(
    ...campaigns.map((campaign) => {
      const option = element('option', '', campaign.name);
      option.value = campaign.campaignId;
      return option;
    }),
  );
  select.value = campaigns.some((campaign) => campaign.campaignId === chosen) ? chosen : defaultCampaign();
  show(byId('campaign-picker'), campaigns.length > 0);
}

async function start(): Promise<void> {
  showScreen('loading');
  try {
    const me = await api.me();
    if (!me.roles.some((role) => STAFF_ROLES.includes(role))) {
      await session.signOut();
      signIn.open('signin.notStaff');
      return;
    }
    roles = me.roles;
    byId('user-name').textContent = t('app.signedInAs', { name: me.username });
    applyRoles(roles);
    await loadCampaigns();
    signedInChrome(true);
    route();
  } catch (error) {
    if (onAuthError(error)) return;
    signIn.open('signin.unavailable');
  }
}

select.addEventListener('change', () => {
  localStorage.setItem(CAMPAIGN_KEY, select.value);
  // The screen shown follows the campaign chosen.
  const name = currentScreen();
  closeCurrent();
  screens[name]?.open();
});
window.addEventListener('hashchange', route);
byId('sign-out').addEventListener('click', () => {
  closeCurrent();
  roles = [];
  signedInChrome(false);
  void session.signOut();
  signIn.open('signin.signedOut');
});

chooseLanguage(LANGUAGES);
translatePage();
document.title = t('app.title');
if (session.signedIn) void start();
else showScreen('signin');
