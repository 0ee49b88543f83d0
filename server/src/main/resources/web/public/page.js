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

/**
 * Fills #contact-ways with the ways to reach someone (an e-mail link, a postal address, a form), each labelled with
 * {prefix}.email, {prefix}.address, {prefix}.form; hidden when there is none. Answers how many there are.
 */
export function showContactWays(prefix, { email, address, url }) {
    const ways = [];
    if (email) {
        ways.push([t(`${prefix}.email`), Object.assign(document.createElement('a'), {
            href: `mailto:${email}`, textContent: email })]);
    }
    if (address) {
        ways.push([t(`${prefix}.address`), address]);
    }
    if (url) {
        ways.push([Object.assign(document.createElement('a'), { href: url, textContent: t(`${prefix}.form`) })]);
    }
    const list = document.getElementById('contact-ways');
    list.replaceChildren(...ways.map(parts => {
        const item = document.createElement('li');
        item.append(...parts);
        return item;
    }));
    list.hidden = ways.length === 0;
    return ways.length;
}
