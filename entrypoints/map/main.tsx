import { render } from 'preact';
import { I18nContext } from '@/components/i18n';
import { translate, uiDirection, uiLocale } from '@/lib/platform/i18n';
import '@/assets/theme.css';
import '@/assets/controls.css';
import '@/assets/rating-scales.css';
import '@/assets/findings.css';
import './map.css';
import { MapApp } from './MapApp';

document.documentElement.lang = uiLocale();
document.documentElement.dir = uiDirection();
document.title = `${translate('mapTitle')} – ${translate('extName')}`;
render(
  <I18nContext.Provider value={translate}>
    <MapApp />
  </I18nContext.Provider>,
  document.getElementById('app')!,
);
