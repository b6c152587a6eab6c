import { render } from 'preact';
import { I18nContext } from '@/components/i18n';
import { translate, uiDirection, uiLocale } from '@/lib/platform/i18n';
import '@/assets/theme.css';
import '@/assets/controls.css';
import './journeys.css';
import { JourneysApp } from './JourneysApp';

document.documentElement.lang = uiLocale();
document.documentElement.dir = uiDirection();
document.title = `${translate('journeysTitle')} – ${translate('extName')}`;
// Ask the browser to keep Waymark's data under storage pressure (`unlimitedStorage`
// already exempts it from the quota); best effort, never blocking the page.
void navigator.storage
  ?.persisted?.()
  .then((persisted) => persisted || navigator.storage.persist())
  .catch(() => false);
render(
  <I18nContext.Provider value={translate}>
    <JourneysApp />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
