/** The public page: the list of partner shops, with a filter by type of shop. No sign-in, no personal data. */
import type { PublicMerchantList } from '../../shared/api/public.ts';
import type { PublicMerchant } from '../../shared/merchants/merchant.ts';
import { allPages } from '../lib/all-pages.ts';
import { apiRequest } from '../lib/api-client.ts';
import { LANGUAGES, type MessageKey, t } from '../lib/i18n/index.ts';
import { chooseLanguage, mountLanguageSwitch, pageLocale } from '../lib/i18n/language.ts';

const list = document.querySelector<HTMLUListElement>('#merchants');
const count = document.querySelector<HTMLParagraphElement>('#count');
const filter = document.querySelector<HTMLSelectElement>('#category-filter');
const languages = document.querySelector<HTMLElement>('#languages');

/** The shops once loaded; undefined while loading, null when the list could not be had. */
let merchants: readonly PublicMerchant[] | null | undefined;

function categoryLabel(category: string): string {
  return t(`category.${category}` as MessageKey);
}

function merchantCard(merchant: PublicMerchant): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'merchant';
  const name = document.createElement('h2');
  name.textContent = merchant.name;
  const category = document.createElement('p');
  category.className = 'category';
  category.textContent = categoryLabel(merchant.category);
  const address = document.createElement('address');
  const { street, number, box, postcode, locality } = merchant.address;
  // Shops onboarded through the API may have the house number in `street` and none of its own.
  const boxText = box ? ` ${t('public.address.box', { box })}` : '';
  address.textContent = `${street}${number ? ` ${number}` : ''}${boxText}, ${postcode} ${locality}`;
  item.append(name, category, address);
  return item;
}

function countText(shown: number): string {
  if (shown === 0) return t('public.empty');
  return shown === 1 ? t('public.count.one') : t('public.count', { count: shown });
}

function renderList(category: string): void {
  if (!list || !count || !merchants) return;
  const shown = category ? merchants.filter((m) => m.category === category) : merchants;
  list.replaceChildren(...shown.map(merchantCard));
  count.textContent = countText(shown.length);
}

/** The filter's options, sorted by their label in the page's language; keeps the category chosen. */
function renderFilter(): void {
  if (!filter || !merchants) return;
  const chosen = filter.value;
  const categories = [...new Set(merchants.map((m) => m.category))].sort((a, b) =>
    categoryLabel(a).localeCompare(categoryLabel(b), pageLocale()),
  );
  filter.replaceChildren(
    new Option(t('public.filter.all'), ''),
    ...categories.map((category) => new Option(categoryLabel(category), category, false, category === chosen)),
  );
}

/** Every text of the page in its current language: at load, and again after a switch (no reload). */
function render(): void {
  document.title = t('public.documentTitle');
  document.querySelector('#title')?.replaceChildren(t('public.title'));
  document.querySelector('#intro')?.replaceChildren(t('public.intro'));
  document.querySelector('#filter-label')?.replaceChildren(t('public.filter.label'));
  if (merchants === undefined && count) count.textContent = t('public.loading');
  if (merchants === null && count) count.textContent = t('public.error');
  renderFilter();
  renderList(filter?.value ?? '');
}

async function main(): Promise<void> {
  chooseLanguage(LANGUAGES);
  if (languages) mountLanguageSwitch(languages, LANGUAGES, render);
  render();
  try {
    merchants = (await allPages('/public/merchants', (url) => apiRequest<PublicMerchantList>(url))).items;
    filter?.addEventListener('change', () => renderList(filter.value));
  } catch {
    merchants = null;
    count?.classList.add('error');
  }
  render();
}

void main();
