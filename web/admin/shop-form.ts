/**
 * The shop form (onboard or edit): the IBAN is checked as it is typed, with the very check the API runs
 * (shared/iban/iban.ts over ibantools), so a typo shows before anything is sent; the API's answer (IBAN_INVALID
 * and the others) is shown in the same place if it still refuses.
 */

import { formatIban, InvalidIbanError, normaliseIban } from '../../shared/iban/iban.ts';
import type { MerchantCategory } from '../../shared/merchants/merchant.ts';
import { ApiError } from '../lib/api-client.ts';
import type { CreateMerchantBody, Merchant, UpdateMerchantBody } from './admin-api.ts';
import { busy, byId, element, setFieldError, setMessage, show } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { t } from './i18n/index.ts';
import type { AdminContext } from './screens.ts';

/** The API's categories (shared/merchants/merchant.ts, which brings zod: only its type is imported here). */
const CATEGORIES = [
  'bakery',
  'butcher',
  'grocery',
  'clothing',
  'shoes',
  'books',
  'toys',
  'sports',
  'electronics',
  'hardware',
  'florist',
  'optician',
  'hairdresser',
  'restaurant',
  'other',
] as const satisfies readonly MerchantCategory[];
// A category added to the API and not here fails to compile.
const everyCategory: Record<Exclude<MerchantCategory, (typeof CATEGORIES)[number]>, never> = {};
void everyCategory;

export interface ShopForm {
  /** Opens the form empty (onboarding) or with a shop (editing). */
  open(shop?: Merchant): void;
  close(): void;
}

const input = (id: string) => byId<HTMLInputElement>(id);

export function setupShopForm(context: AdminContext, onSaved: (shop: Merchant) => void): ShopForm {
  const form = byId<HTMLFormElement>('shop-form');
  const title = byId('shop-form-title');
  const formMessage = byId('shop-form-message');
  const category = byId<HTMLSelectElement>('shop-category');
  const iban = input('shop-iban');
  const ibanMessage = byId('shop-iban-message');
  let editing: Merchant | undefined;

  category.replaceChildren(
    ...CATEGORIES.map((value) => {
      const option = element('option', '', t(`category.${value}`));
      option.value = value;
      return option;
    }),
  );

  /** Checks the IBAN as typed; true when it may be sent (valid, or empty). */
  const checkIban = (): boolean => {
    const typed = iban.value.trim();
    if (!typed) {
      setFieldError(iban, ibanMessage, '');
      return true;
    }
    try {
      const electronic = normaliseIban(typed);
      iban.removeAttribute('aria-invalid');
      setMessage(ibanMessage, t('shops.iban.valid', { iban: formatIban(electronic) }), 'success');
      return true;
    } catch (error) {
      const problem = error instanceof InvalidIbanError ? error.problem : 'FORMAT';
      setFieldError(iban, ibanMessage, t(`shops.iban.${problem}`));
      return false;
    }
  };
  iban.addEventListener('input', checkIban);

  const required = (id: string, key: Parameters<typeof t>[0]): string | undefined => {
    const field = input(id);
    const message = byId(`${id}-message`);
    const value = field.value.trim();
    setFieldError(field, message, value ? '' : t(key));
    return value || undefined;
  };

  const body = (): CreateMerchantBody | undefined => {
    const name = required('shop-name', 'shops.name.missing');
    const email = required('shop-email', 'shops.email.missing');
    const postcode = input('shop-postcode').value.trim();
    setFieldError(
      input('shop-postcode'),
      byId('shop-postcode-message'),
      /^\d{4}$/.test(postcode) ? '' : t('shops.postcode.invalid'),
    );
    const street = input('shop-street').value.trim();
    const city = input('shop-city').value.trim();
    const ibanOk = checkIban();
    if (!name || !email || !/^\d{4}$/.test(postcode) || !ibanOk || !street || !city) {
      setMessage(formMessage, t('shops.form.incomplete'));
      return undefined;
    }
    const number = input('shop-number').value.trim();
    const optional = (id: string) => input(id).value.trim() || undefined;
    return {
      name,
      email,
      category: category.value as MerchantCategory,
      address: { street, postcode, city, ...(number ? { number } : {}) },
      ...(optional('shop-iban') ? { iban: optional('shop-iban') } : {}),
      ...(optional('shop-bic') ? { bic: optional('shop-bic') } : {}),
      ...(optional('shop-enterprise') ? { enterpriseNumber: optional('shop-enterprise') } : {}),
    };
  };

  /** Only what changed: an IBAN left empty keeps the shop's (an IBAN is never removed). */
  const changes = (shop: Merchant, next: CreateMerchantBody): UpdateMerchantBody => {
    const change: Record<string, unknown> = {};
    if (next.name !== shop.name) change.name = next.name;
    if (next.email !== shop.email) change.email = next.email;
    if (next.category !== shop.category) change.category = next.category;
    if (JSON.stringify(next.address) !== JSON.stringify({ ...shop.address, box: undefined }))
      change.address = next.address;
    if (next.iban) change.iban = next.iban;
    if ((next.bic ?? null) !== (shop.bic ?? null)) change.bic = next.bic ?? null;
    if ((next.enterpriseNumber ?? null) !== (shop.enterpriseNumber ?? null))
      change.enterpriseNumber = next.enterpriseNumber ?? null;
    return change as UpdateMerchantBody;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = body();
    if (!next) return formMessage.focus();
    void busy(form.querySelector('button[type="submit"]'), async () => {
      setMessage(formMessage, t('common.saving'), 'info');
      try {
        const saved = editing
          ? await context.api.updateMerchant(editing.merchantId, changes(editing, next))
          : await context.api.createMerchant(next);
        setMessage(formMessage, '');
        onSaved(saved);
      } catch (error) {
        if (context.onAuthError(error)) return;
        if (error instanceof ApiError && error.code === 'IBAN_INVALID') {
          setFieldError(iban, ibanMessage, apiErrorMessage(error));
          iban.focus();
        }
        setMessage(formMessage, apiErrorMessage(error));
        formMessage.focus();
      }
    });
  });

  const fill = (shop?: Merchant) => {
    input('shop-name').value = shop?.name ?? '';
    input('shop-email').value = shop?.email ?? '';
    category.value = shop?.category ?? 'other';
    input('shop-street').value = shop?.address.street ?? '';
    input('shop-number').value = shop?.address.number ?? '';
    input('shop-postcode').value = shop?.address.postcode ?? '';
    input('shop-city').value = shop?.address.city ?? '';
    iban.value = '';
    iban.placeholder = shop?.ibanMasked ?? '';
    input('shop-bic').value = shop?.bic ?? '';
    input('shop-enterprise').value = shop?.enterpriseNumber ?? '';
    for (const message of form.querySelectorAll<HTMLElement>('.message')) setMessage(message, '');
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  };

  return {
    open(shop) {
      editing = shop;
      fill(shop);
      title.textContent = shop ? t('shops.edit.title', { name: shop.name }) : t('shops.add.title');
      setMessage(ibanMessage, shop?.ibanMasked ? t('shops.iban.keep', { iban: shop.ibanMasked }) : '', 'info');
      show(form, true);
      title.focus();
    },
    close() {
      editing = undefined;
      show(form, false);
    },
  };
}
