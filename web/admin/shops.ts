/**
 * Shops: the list (finance reads it too, with full IBANs), onboarding and editing (shop-form.ts),
 * deactivation (after a confirmation: it stops the shop's redemptions at once) and enrolment in the chosen
 * campaign. Which shops take the campaign's vouchers is read from its dashboard (every enrolled shop is listed).
 */
import type { Merchant } from './admin-api.ts';
import { busy, button, byId, confirmAction, element, setMessage, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { t } from './i18n/index.ts';
import type { AdminContext, Screen } from './screens.ts';
import { setupShopForm } from './shop-form.ts';

export function setupShops(context: AdminContext): Screen {
  const list = byId('shops-list');
  const message = byId('shops-message');
  const add = byId<HTMLButtonElement>('shop-add');
  let shops: Merchant[] = [];
  let enrolled = new Set<string>();

  const form = setupShopForm(context, (saved) => {
    form.close();
    setMessage(message, t('shops.saved', { name: saved.name }), 'success');
    void load().then(() => message.focus());
  });
  byId('shop-cancel').addEventListener('click', () => {
    form.close();
    add.focus();
  });
  add.addEventListener('click', () => form.open());

  const act = async (control: HTMLButtonElement, work: () => Promise<string>) => {
    await busy(control, async () => {
      try {
        setMessage(message, await work(), 'success');
        await load();
      } catch (error) {
        if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error), 'error');
      }
      message.focus();
    });
  };

  const actions = (shop: Merchant): HTMLElement => {
    const cell = element('div', 'row-actions');
    if (!context.can('staff', 'admin')) return cell;
    cell.append(
      button(t('shops.edit'), 'secondary compact', () => form.open(shop), t('shops.edit.label', { name: shop.name })),
    );
    if (shop.status === 'ACTIVE') {
      const deactivate: HTMLButtonElement = button(
        t('shops.deactivate'),
        'danger compact',
        () =>
          void confirmAction(t('shops.deactivate.question', { name: shop.name }), t('shops.deactivate')).then((yes) => {
            if (!yes) return deactivate.focus();
            return act(deactivate, async () => {
              await context.api.updateMerchant(shop.merchantId, { status: 'INACTIVE' });
              return t('shops.deactivated', { name: shop.name });
            });
          }),
        t('shops.deactivate.label', { name: shop.name }),
      );
      cell.append(deactivate);
    } else {
      const reactivate: HTMLButtonElement = button(
        t('shops.reactivate'),
        'secondary compact',
        () =>
          void act(reactivate, async () => {
            await context.api.updateMerchant(shop.merchantId, { status: 'ACTIVE' });
            return t('shops.reactivated', { name: shop.name });
          }),
        t('shops.reactivate.label', { name: shop.name }),
      );
      cell.append(reactivate);
    }
    const campaign = context.campaign();
    if (campaign && shop.status === 'ACTIVE' && !enrolled.has(shop.merchantId)) {
      const enrol: HTMLButtonElement = button(
        t('shops.enrol'),
        'secondary compact',
        () =>
          void act(enrol, async () => {
            await context.api.enrol(campaign.campaignId, shop.merchantId);
            return t('shops.enrolled', { name: shop.name, campaign: campaign.name });
          }),
        t('shops.enrol.label', { name: shop.name, campaign: campaign.name }),
      );
      cell.append(enrol);
    }
    return cell;
  };

  const render = () => {
    list.replaceChildren(
      table(
        t('shops.list'),
        [
          t('shops.name'),
          t('shops.category'),
          t('shops.city'),
          t('shops.iban.short'),
          t('shops.status'),
          t('shops.campaign'),
          t('shops.actions'),
        ],
        shops.map((shop) => [
          shop.name,
          t(`category.${shop.category}`),
          `${shop.address.postcode} ${shop.address.city}`,
          shop.iban ?? shop.ibanMasked ?? t('shops.iban.none'),
          t(`shops.status.${shop.status}`),
          enrolled.has(shop.merchantId) ? t('shops.campaign.yes') : t('shops.campaign.no'),
          actions(shop),
        ]),
      ),
    );
  };

  const load = async () => {
    try {
      const campaignId = context.campaignId();
      const [answer, figures] = await Promise.all([
        context.api.merchants(),
        campaignId ? context.api.dashboard(campaignId) : Promise.resolve(undefined),
      ]);
      shops = answer.items;
      enrolled = new Set(figures?.byMerchant.map((shop) => shop.merchantId) ?? []);
      render();
    } catch (error) {
      if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error));
    }
  };

  return {
    open() {
      form.close();
      setMessage(message, '');
      void load();
    },
    close() {
      form.close();
    },
  };
}
