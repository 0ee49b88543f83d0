// The one i18n of every Guichet web app. Each app registers its own dictionaries, French first (the first one
// registered is the fallback for a missing text), and translates with t():
//
//   registerTexts('fr', { 'app.title': 'Guichet', 'ahead': { zero: 'Vous êtes le prochain.', one: '{count} personne',
//                         other: '{count} personnes' } });
//   registerTexts('en', { ... });
//   rememberLanguage('guichet.counter.language');      // or setLanguage(chooseLanguage(fromAddress, registered))
//   t('ahead', { count: 3 });                           // "3 personnes"
//   translatePage();                                    // <h2 data-i18n="login.title">, <input data-i18n-attr="placeholder:pause.other">
//
// A text is a string with {name} placeholders, or plural forms chosen by params.count ('zero' when the count is 0
// and the text has it, then the language's plural category: 'one', 'few', 'many'…, then 'other').
// The languages an app offers are the ones it registered: no other list of them is written in the apps.

const dictionaries = new Map();
// Number, date and plural conventions; Occitan ones when the browser has them, else the French ones it shares.
const LOCALES = { fr: ['fr-FR'], en: ['en-GB'], es: ['es-ES'], oc: ['oc-FR', 'fr-FR'] };
/** What a figure shows when there is none. */
export const NONE = '—';

let current = null;
let memoryKey = null;

export function registerTexts(language, texts) {
    // Added to what the language has already, so that a shared module may register the texts of a shared form.
    dictionaries.set(language, { ...(dictionaries.get(language) ?? {}), ...texts });
    current ??= language;
}

/** The registered languages, in registration order (French first). */
export function languages() {
    return [...dictionaries.keys()];
}

export function language() {
    return current;
}

/** The first candidate ('en', 'en-GB', 'EN_us'…) with registered texts, else the first registered language. */
export function chooseLanguage(...candidates) {
    for (const candidate of candidates) {
        const short = String(candidate ?? '').toLowerCase().split(/[-_]/)[0];
        if (dictionaries.has(short)) {
            return short;
        }
    }
    return languages()[0];
}

/** Sets the page's language (and <html lang>); remembered in this browser once rememberLanguage() was called. */
export function setLanguage(candidate) {
    current = chooseLanguage(candidate);
    document.documentElement.lang = current;
    if (memoryKey) {
        try {
            localStorage.setItem(memoryKey, current);
        } catch (unavailable) {
            // private mode or full storage: the choice lasts as long as the page
        }
    }
    return current;
}

/** From now on the language chosen is kept under storageKey; starts with the one kept there, else the fallbacks. */
export function rememberLanguage(storageKey, ...fallbacks) {
    memoryKey = storageKey;
    let kept = null;
    try {
        kept = localStorage.getItem(storageKey);
    } catch (unavailable) {
        kept = null;
    }
    return setLanguage(chooseLanguage(kept, ...fallbacks));
}

/** The language after the current one, for a toggle between an app's languages. */
export function nextLanguage() {
    const all = languages();
    return all[(all.indexOf(current) + 1) % all.length];
}

/** A language toggle names the next language in that language: its lang, its text and its aria-label. */
export function nameNextLanguage(button, textKey, labelKey) {
    button.lang = nextLanguage();
    button.textContent = textIn(button.lang, textKey);
    button.setAttribute('aria-label', textIn(button.lang, labelKey));
}

/** A catalog entry's name (a service's…) in the page's language: its translation when it has one, else its name. */
export function localName(named) {
    return named?.translations?.[current] || named?.name || '';
}

/**
 * Where a room is, as tickets say it ({room, building, floor, directions} from the server): "Salle 2, Bâtiment B,
 * 1er étage", then ". Suivre la ligne verte" when asked for the directions and there are some.
 */
export function placeOf(where, { withDirections = false } = {}) {
    const place = [where?.room, where?.building, where?.floor].filter(Boolean).join(', ');
    return withDirections && where?.directions ? `${place}. ${where.directions}` : place;
}

export function hasText(key) {
    return lookup(current, key) !== undefined || lookup(languages()[0], key) !== undefined;
}

export function t(key, params = {}) {
    return textIn(current, key, params);
}

/** A text in a given language, whatever the page's: e.g. each language's own name on its button. */
export function textIn(language, key, params = {}) {
    let text = lookup(language, key) ?? lookup(languages()[0], key);
    if (text === undefined) {
        return key;
    }
    if (typeof text === 'object') {
        text = pluralForm(language, text, params.count);
    }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function lookup(language, key) {
    return dictionaries.get(language)?.[key];
}

function pluralForm(language, forms, count) {
    if (count === 0 && forms.zero !== undefined) {
        return forms.zero;
    }
    const category = cached('plural', language, {}, () => new Intl.PluralRules(locales(language)))
        .select(Number(count));
    return forms[category] ?? forms.other;
}

/**
 * Translates the static texts of a page (or of one element and what it holds): data-i18n="key" sets the text,
 * data-i18n-attr="aria-label:key; title:other.key" sets attributes. <title data-i18n> sets the document's title.
 */
export function translatePage(root = document) {
    const within = selector => [...(root.matches?.(selector) ? [root] : []), ...root.querySelectorAll(selector)];
    for (const element of within('[data-i18n]')) {
        element.textContent = t(element.dataset.i18n);
    }
    for (const element of within('[data-i18n-attr]')) {
        for (const pair of element.dataset.i18nAttr.split(';')) {
            const [attribute, key] = pair.split(':').map(part => part.trim());
            if (attribute && key) {
                element.setAttribute(attribute, t(key));
            }
        }
    }
}

// ------------------------------------------------------------------ formatting in the page's language

export function locales(language = current) {
    return LOCALES[language] ?? [language];
}

const formatters = new Map();

/** One Intl formatter per kind, language and options: building one costs far more than using it. */
function cached(kind, language, options, create) {
    const key = `${kind}|${language}|${JSON.stringify(options)}`;
    let formatter = formatters.get(key);
    if (!formatter) {
        formatter = create();
        formatters.set(key, formatter);
    }
    return formatter;
}

function numberFormat(options) {
    return cached('number', current, options, () => new Intl.NumberFormat(locales(), options));
}

function dateFormat(options) {
    return cached('date', current, options, () => new Intl.DateTimeFormat(locales(), options));
}

export function formatNumber(value, digits = 0) {
    if (value === null || value === undefined) {
        return NONE;
    }
    return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** ',' or '.': how the page's language writes 1.5 (a CSV for it then separates its columns with ';' or ','). */
export function decimalMark() {
    return numberFormat({}).formatToParts(1.5).find(part => part.type === 'decimal').value;
}

/** A share (0.953) as "95,3 %". */
export function formatPercent(share) {
    if (share === null || share === undefined) {
        return NONE;
    }
    return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Seconds as minutes with one decimal, e.g. "10,8 min". */
export function formatMinutes(seconds) {
    return seconds === null || seconds === undefined ? NONE : `${formatNumber(seconds / 60, 1)} min`;
}

/** A time of day ("09:42") in the given time zone (the browser's when unknown or not understood). */
export function formatClock(instant, timeZone) {
    if (instant === null || instant === undefined) {
        return NONE;
    }
    const date = instant instanceof Date ? instant : new Date(instant);
    const options = { hour: '2-digit', minute: '2-digit' };
    try {
        return dateFormat({ ...options, timeZone: timeZone || undefined }).format(date);
    } catch (unknownZone) {
        return dateFormat(options).format(date);
    }
}

/** "2026-11-03" as "3 nov." */
export function formatDay(isoDate) {
    const [year, month, day] = isoDate.split('-').map(Number);
    return dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' })
        .format(new Date(Date.UTC(year, month - 1, day || 1)));
}

/** "2026-11" as "nov. 2026" */
export function formatMonth(isoMonth) {
    const [year, month] = isoMonth.split('-').map(Number);
    return dateFormat({ month: 'short', year: 'numeric', timeZone: 'UTC' })
        .format(new Date(Date.UTC(year, month - 1, 1)));
}

const twoDigits = value => String(value).padStart(2, '0');

/**
 * A duration in seconds, in one of three styles (units are the same in every language of the apps):
 * 'glance' — "45 s", "6 min 20 s", "25 min", "1 h 05 min": exact while short, for a ticket being served;
 * 'minutes' — "45 s", "7 min", "1 h 05": whole minutes, for lists read at a glance;
 * 'timer' — "0 min 45 s", "4 min 05 s", "1 h 12 min": a steadily moving count, for supervision.
 */
export function formatDuration(totalSeconds, style = 'glance') {
    if (totalSeconds === null || totalSeconds === undefined) {
        return NONE;
    }
    const seconds = Math.max(0, style === 'glance' ? Math.round(totalSeconds) : Math.floor(totalSeconds));
    const minutes = Math.floor(seconds / 60);
    const hours = `${Math.floor(minutes / 60)} h ${twoDigits(minutes % 60)}`;
    if (style === 'timer') {
        return minutes >= 60 ? `${hours} min` : `${minutes} min ${twoDigits(seconds % 60)} s`;
    }
    if (seconds < 60) {
        return `${seconds} s`;
    }
    if (minutes >= 60) {
        return style === 'minutes' ? hours : `${hours} min`;
    }
    if (style === 'glance' && minutes < 10 && seconds % 60 !== 0) {
        return `${minutes} min ${seconds % 60} s`;
    }
    return `${minutes} min`;
}
