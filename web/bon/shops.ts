/** The partner shops under the balance, filtered by kind (GET /public/merchants, loaded once per visit). */
import type { PublicMerchantList } from '../../shared/api/public.ts';
import type { PublicMerchant } from '../../shared/merchants/merchant.ts';
import { allPages } from '../lib/all-pages.ts';
import { apiRequest } from '../lib/api-client.ts';
import { byId, setMessage } from '../lib/dom.ts';
import { pageLocale } from '../lib/i18n/language.ts';
import { type BonMessageKey, isMessageKey, t } from './i18n/index.ts';

export interface ShopList {
  /** Draws the list again in the page's language (after a language switch). */
  render(): void;
}

function kindLabel(category: string): string {
  const key = `category.${category}`;
  return isMessageKey(key) ? t(key) : t('category.other');
}

function shopCard(shop: PublicMerchant): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'shop';
  const name = document.createElement('h3');
  name.textContent = shop.name;
  const kind = document.createElement('p');
  kind.className = 'kind';
  kind.textContent = kindLabel(shop.category);
  const address = document.createElement('address');
  const { street, number, box, postcode, locality } = shop.address;
  // Shops onboarded through the API may have the house number in `street` and none of its own.
  address.textContent = `${street}${number ? ` ${number}` : ''}${box ? ` ${box}` : ''}, ${postcode} ${locality}`;
  item.append(name, kind, address);
  return item;
}

export function setupShops(): ShopList {
  const list = byId<HTMLUListElement>('shop-list');
  const count = byId('shop-count');
  const filter = byId<HTMLSelectElement>('shop-filter');
  let shops: readonly PublicMerchant[] | undefined;
  let status: BonMessageKey = 'shops.loading';

  const render = () => {
    if (!shops) {
      setMessage(count, t(status), status === 'shops.error' ? 'error' : 'info');
      return;
    }
    const chosen = filter.value;
    const kinds = [...new Set(shops.map((shop) => shop.category))].sort((a, b) =>
      kindLabel(a).localeCompare(kindLabel(b), pageLocale()),
    );
    filter.replaceChildren(
      new Option(t('shops.filter.all'), ''),
      ...kinds.map((kind) => new Option(kindLabel(kind), kind)),
    );
    filter.value = kinds.includes(chosen as PublicMerchant['category']) ? chosen : '';
    const shown = filter.value ? shops.filter((shop) => shop.category === filter.value) : shops;
    list.replaceChildren(...shown.map(shopCard));
    setMessage(count, shown.length > 0 ? t('shops.count', { count: shown.length }) : t('shops.empty'), 'info');
  };

  filter.addEventListener('change', render);
  allPages('/public/merchants', (url) => apiRequest<PublicMerchantList>(url))
    .then(({ items }) => {
      shops = items;
    })
    .catch(() => {
      status = 'shops.error';
    })
    .finally(render);
  render();
  return { render };
}
