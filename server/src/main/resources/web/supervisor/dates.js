// Day fields written and read the app's way ("03/11/2026" in French and British English), whatever the browser's own
// language: a native <input type="date"> shows the browser's format (an American Chromium writes 11/03/2026 in a
// French page), so the statistics' period is typed in text fields that these functions format and read.
// And the durations of counter occupancy on a chart's axis, in steps a person reads ("15 min", "1 h 00").

import { language, locales, t } from '/shared/i18n.js';

/** The order of day, month and year in the language's dates, and what separates them: {order, separator}. */
export function dayFieldLayout(lang = language()) {
    const parts = new Intl.DateTimeFormat(locales(lang)[0], { day: '2-digit', month: '2-digit', year: 'numeric' })
        .formatToParts(new Date(Date.UTC(2026, 10, 23)));
    const order = parts.map(part => part.type).filter(type => ['day', 'month', 'year'].includes(type));
    const separator = parts.find(part => part.type === 'literal')?.value ?? '/';
    return { order, separator };
}

const pad = (value, width) => String(value).padStart(width, '0');

/** "2026-11-03" as the language writes it in a field ("03/11/2026"); '' for no date. */
export function formatDayField(isoDate, lang = language()) {
    if (!isoDate) {
        return '';
    }
    const [year, month, day] = isoDate.split('-');
    const values = { day, month, year };
    const { order, separator } = dayFieldLayout(lang);
    return order.map(part => values[part]).join(separator);
}

/** What the agent typed ("3/11/2026", "03.11.2026") as "2026-11-03"; null when it is no day of the calendar. */
export function parseDayField(text, lang = language()) {
    const numbers = String(text ?? '').trim().split(/[\s/.-]+/);
    if (numbers.length !== 3 || numbers.some(number => !/^\d+$/.test(number))) {
        return null;
    }
    const { order } = dayFieldLayout(lang);
    const values = Object.fromEntries(order.map((part, index) => [part, Number(numbers[index])]));
    const { day, month, year } = values;
    if (year < 1000 || year > 9999) {
        return null;
    }
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return null;
    }
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** "jj/mm/aaaa" or "dd/mm/yyyy": the field's format in the app's words (texts date.day, date.month, date.year). */
export function dayFieldFormat(lang = language()) {
    const { order, separator } = dayFieldLayout(lang);
    return order.map(part => t(`date.${part}`)).join(separator);
}

const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 960, 1440, 2880, 7200, 14400, 28800];

/** The step between a duration axis's ticks, in whole minutes, so that it has at most maxTicks of them. */
export function minuteStep(longestMinutes, maxTicks = 8) {
    return STEPS_MINUTES.find(step => longestMinutes / step <= maxTicks) ?? STEPS_MINUTES[STEPS_MINUTES.length - 1];
}
