// What the public pages share: the visitor's language (?lang=…, else the browser's), a switch to the four others,
// and the accessibility mention at the bottom.

import './texts.js';
import { chooseLanguage, languages, setLanguage, t, translatePage } from '/shared/i18n.js';
import { showAccessibilityLink } from './accessibility-link.js';

const NAMES = { fr: 'Français', en: 'English', es: 'Español', oc: 'Occitan' };

export function startPublicPage() {
    const asked = new URLSearchParams(location.search).get('lang');
    const language = setLanguage(chooseLanguage(asked, ...(navigator.languages ?? [])));
    translatePage();
    showLanguageSwitch(document.getElementById('languages'), language);
    showAccessibilityLink(document.getElementById('accessibility'), language);
    return language;
}

function showLanguageSwitch(nav, current) {
    nav.setAttribute('aria-label', t('lang.label'));
    const list = document.createElement('ul');
    for (const language of languages()) {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `?lang=${language}`;
        link.lang = language;
        link.hreflang = language;
        link.textContent = NAMES[language] ?? language;
        if (language === current) {
            link.setAttribute('aria-current', 'true');
        }
        item.append(link);
        list.append(item);
    }
    nav.replaceChildren(list);
}
