/** The public page: the list of partner shops, with a filter by type of shop. No sign-in, no personal data. */
import type { PublicMerchantList } from '../../shared/api/public.ts';
import type { PublicMerchant } from '../../shared/merchants/merchant.ts';
import { apiRequest } from '../lib/api-client.ts';
import { type MessageKey, t } from '../lib/i18n/index.ts';

const list = document.querySelector<HTMLUListElement>('#merchants');
const count = document.querySelector<HTMLParagraphElement>('#count');
const filter = document.querySelector<HTMLSelectElement>('#category-filter');

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
  address.textContent = `${street}${number ? ` ${number}` : ''}${box ? ` bte ${box}` : ''}, ${postcode} ${locality}`;
  item.append(name, category, address);
  return item;
}

function render(merchants: readonly PublicMerchant[], category: string): void {
  if (!list || !count) return;
  const shown = category ? merchants.filter((m) => m.category === category) : merchants;
  list.replaceChildren(...shown.map(merchantCard));
  count.textContent = shown.length > 0 ? t('public.count', { count: shown.length }) : t('public.empty');
}

async function main(): Promise<void> {
  document.querySelector('#title')?.replaceChildren(t('public.title'));
  document.querySelector('#intro')?.replaceChildren(t('public.intro'));
  document.querySelector('#filter-label')?.replaceChildren(t('public.filter.label'));
  if (count) count.textContent = t('public.loading');
  try {
    const { items } = await apiRequest<PublicMerchantList>('/public/merchants');
    if (filter) {
      const categories = [...new Set(items.map((m) => m.category))].sort((a, b) =>
        categoryLabel(a).localeCompare(categoryLabel(b), 'fr'),
      );
      filter.replaceChildren(
        new Option(t('public.filter.all'), ''),
        ...categories.map((category) => new Option(categoryLabel(category), category)),
      );
      filter.addEventListener('change', () => render(items, filter.value));
    }
    render(items, '');
  } catch {
    if (count) {
      count.textContent = t('public.error');
      count.className = 'error';
    }
  }
}

void main();
