// The mention every public page carries, as the RGAA asks: "Accessibilité : non conforme", linking to the statement
// in the page's language. Its own four-language table, so that a page offering fewer languages keeps its own list.

const STATES = {
    fr: { label: 'Accessibilité', TOTAL: 'totalement conforme', PARTIAL: 'partiellement conforme', NONE: 'non conforme' },
    en: { label: 'Accessibility', TOTAL: 'fully compliant', PARTIAL: 'partially compliant', NONE: 'not compliant' },
    es: { label: 'Accesibilidad', TOTAL: 'totalmente conforme', PARTIAL: 'parcialmente conforme', NONE: 'no conforme' },
    oc: { label: 'Accessibilitat', TOTAL: 'totalament conforme', PARTIAL: 'parcialament conforme',
        NONE: 'pas conforme' },
};

const UNKNOWN = { conformance: 'NONE', derogations: [] };
let statement = null;

/** The organisation's statement, read once per page however many parts of it ask. */
export function readStatement() {
    statement ??= fetch('/api/v1/public/accessibility', { headers: { Accept: 'application/json' } })
        .then(response => (response.ok ? response.json() : UNKNOWN))
        .catch(() => UNKNOWN);
    return statement;
}

/** "Accessibilité : non conforme" in the language given (French when it has none). */
export function accessibilityMention(language, state) {
    const words = STATES[language] ?? STATES.fr;
    const separator = (STATES[language] ? language : 'fr') === 'fr' ? ' : ' : ': ';
    return `${words.label}${separator}${words[state] ?? words.NONE}`;
}

/** Fills the link (its text and its address) for the language given. */
export async function showAccessibilityLink(link, language) {
    link.href = `/accessibilite?lang=${encodeURIComponent(language)}`;
    link.lang = language;
    const { conformance } = await readStatement();
    if (link.lang === language) {
        link.textContent = accessibilityMention(language, conformance);
    }
}
