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
render(
  <I18nContext.Provider value={translate}>
    <JourneysApp />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
