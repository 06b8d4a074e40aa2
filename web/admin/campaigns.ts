/**
 * Campaigns: the list with each one's budget use, creating one, and extending one's end date (the Boussu
 * case: 31 December moved to 31 March; every voucher follows, no letter is sent again).
 */
import { parseEuros } from '../../shared/money/money.ts';
import type { Campaign, CampaignInput } from './admin-api.ts';
import { busy, button, byId, element, setMessage, show, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { date, euros, percent } from './format.ts';
import { t } from './i18n/index.ts';
import type { AdminContext, Screen } from './screens.ts';

const value = (id: string) => byId<HTMLInputElement>(id).value.trim();

function budgetUse(campaign: Campaign): HTMLElement {
  const issued = campaign.issuedValueCents ?? 0;
  const box = element('div', 'budget-use');
  const bar = element('progress');
  bar.max = campaign.budgetCents;
  bar.value = issued;
  const label = t('campaigns.use', {
    issued: euros(issued),
    budget: euros(campaign.budgetCents),
    share: percent(issued, campaign.budgetCents),
  });
  bar.setAttribute('aria-label', label);
  box.append(bar, element('span', '', label));
  return box;
}

export function setupCampaigns(context: AdminContext): Screen {
  const list = byId('campaigns-list');
  const message = byId('campaigns-message');
  const createForm = byId<HTMLFormElement>('campaign-form');
  const createMessage = byId('campaign-form-message');
  const extendForm = byId<HTMLFormElement>('extend-form');
  const extendDate = byId<HTMLInputElement>('extend-date');
  const extendMessage = byId('extend-message');
  const add = byId<HTMLButtonElement>('campaign-add');
  let extending: Campaign | undefined;

  const closeForms = () => {
    show(createForm, false);
    show(extendForm, false);
    extending = undefined;
  };

  const openExtend = (campaign: Campaign) => {
    closeForms();
    extending = campaign;
    byId('extend-title').textContent = t('campaigns.extend.title', { name: campaign.name });
    byId('extend-current').textContent = t('campaigns.extend.current', { date: date(campaign.endDate) });
    extendDate.value = '';
    extendDate.min = campaign.endDate;
    setMessage(extendMessage, '');
    show(extendForm, true);
    byId('extend-title').focus();
  };

  const render = (campaigns: readonly Campaign[]) => {
    list.replaceChildren(
      table(
        t('campaigns.list'),
        [t('campaigns.name'), t('campaigns.period'), t('campaigns.face'), t('campaigns.budgetUse'), t('shops.actions')],
        campaigns.map((campaign) => [
          campaign.name,
          t('campaigns.period.value', { start: date(campaign.startDate), end: date(campaign.endDate) }),
          euros(campaign.faceValueCents),
          budgetUse(campaign),
          button(
            t('campaigns.extend'),
            'secondary compact',
            () => openExtend(campaign),
            t('campaigns.extend.label', { name: campaign.name }),
          ),
        ]),
      ),
    );
  };

  const load = async () => {
    try {
      render((await context.api.campaigns()).items);
    } catch (error) {
      if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error));
    }
  };

  const done = async (text: string) => {
    closeForms();
    setMessage(message, text, 'success');
    await context.reloadCampaigns();
    await load();
    message.focus();
  };

  extendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const campaign = extending;
    if (!campaign) return;
    if (!extendDate.value) {
      setMessage(extendMessage, t('campaigns.extend.missing'));
      return extendDate.focus();
    }
    void busy(extendForm.querySelector('button[type="submit"]'), async () => {
      try {
        const extended = await context.api.extendCampaign(campaign.campaignId, extendDate.value);
        await done(t('campaigns.extended', { name: extended.name, date: date(extended.endDate) }));
      } catch (error) {
        if (context.onAuthError(error)) return;
        setMessage(extendMessage, apiErrorMessage(error));
        extendMessage.focus();
      }
    });
  });

  /** The form as the API's CampaignInput; undefined (with a message) when an amount or age is not readable. */
  const input = (): CampaignInput | undefined => {
    try {
      const age = (id: string) => {
        const number = Number(value(id));
        if (!Number.isInteger(number) || value(id) === '') throw new Error(id);
        return number;
      };
      const schoolYear = value('cmp-school');
      return {
        name: value('cmp-name'),
        faceValueCents: parseEuros(value('cmp-face')),
        budgetCents: parseEuros(value('cmp-budget')),
        startDate: value('cmp-start'),
        endDate: value('cmp-end'),
        referenceDate: value('cmp-reference'),
        eligibility: {
          automatic: { minAge: age('cmp-auto-min'), maxAge: age('cmp-auto-max') },
          ...(value('cmp-app-min') && value('cmp-app-max')
            ? {
                onApplication: {
                  minAge: age('cmp-app-min'),
                  maxAge: age('cmp-app-max'),
                  ...(schoolYear ? { schoolYear } : {}),
                },
              }
            : {}),
        },
      };
    } catch {
      setMessage(createMessage, t('campaigns.form.numbers'));
      return undefined;
    }
  };

  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = input();
    if (!body) return createMessage.focus();
    if (!body.name || !body.startDate || !body.endDate || !body.referenceDate) {
      setMessage(createMessage, t('campaigns.form.incomplete'));
      return createMessage.focus();
    }
    void busy(createForm.querySelector('button[type="submit"]'), async () => {
      try {
        const created = await context.api.createCampaign(body);
        await done(t('campaigns.created', { name: created.name }));
      } catch (error) {
        if (context.onAuthError(error)) return;
        setMessage(createMessage, apiErrorMessage(error));
        createMessage.focus();
      }
    });
  });

  add.addEventListener('click', () => {
    closeForms();
    setMessage(createMessage, '');
    show(createForm, true);
    byId('campaign-form-title').focus();
  });
  byId('campaign-cancel').addEventListener('click', () => {
    closeForms();
    add.focus();
  });
  byId('extend-cancel').addEventListener('click', () => {
    closeForms();
    list.focus();
  });

  return {
    open() {
      closeForms();
      setMessage(message, '');
      void load();
    },
    close: closeForms,
  };
}
