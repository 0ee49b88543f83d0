// Appointments for visitors, without an account: /rdv/<site> to book one (service, day, a free slot, a name if they
// wish), and /rdv/a/<token>, the appointment's own page, to see it again, show its code at the kiosk, or cancel it.

import './texts.js';
import { startPublicPage } from '/public/page.js';
import { Api, ApiError } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { formatClock, language, locales, localName, t } from '/shared/i18n.js';

const DAYS_OFFERED = 30;
const api = new Api();
const $ = id => document.getElementById(id);
const path = location.pathname.replace(/\/$/, '');
const token = path.startsWith('/rdv/a/') ? decodeURIComponent(path.slice('/rdv/a/'.length)) : null;
const siteId = token ? null : decodeURIComponent(path.replace(/^\/rdv\/?/, ''));
let timeZone;

function say(text) {
    $('status').textContent = text;
}

/** A date and a time in the site's time zone, in the visitor's language. */
function dayText(instant, options = { weekday: 'long', day: 'numeric', month: 'long' }) {
    return new Intl.DateTimeFormat(locales(), { timeZone, ...options }).format(new Date(instant));
}

/** The site's local dates from today, as 2026-12-02, for the day list: calendar days, whatever the clock change. */
function nextDays() {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .format(new Date());
    const [year, month, day] = today.split('-').map(Number);
    const days = [];
    for (let ahead = 0; ahead < DAYS_OFFERED; ahead++) {
        days.push(new Date(Date.UTC(year, month - 1, day + ahead)).toISOString().slice(0, 10));
    }
    return days;
}

async function showSlots() {
    const serviceId = $('service').value;
    const date = $('day').value;
    $('slots').replaceChildren();
    const slots = await api.get(`/public/sites/${encodeURIComponent(siteId)}/appointments/slots`
        + `?serviceId=${encodeURIComponent(serviceId)}&date=${date}`).catch(() => []);
    const free = slots.filter(slot => slot.remaining > 0);
    $('no-slot').hidden = free.length > 0;
    $('slots').replaceChildren(...free.map(slot => h('label', {},
        h('input', { type: 'radio', name: 'slot', value: slot.startsAt }),
        formatClock(slot.startsAt, timeZone))));
}

async function book(event) {
    event.preventDefault();
    const chosen = document.querySelector('input[name="slot"]:checked');
    if (!chosen) {
        say(t('rdv.chooseSlot'));
        return;
    }
    $('book').disabled = true;
    try {
        const appointment = await api.post(`/public/sites/${encodeURIComponent(siteId)}/appointments`, {
            serviceId: $('service').value, startsAt: chosen.value, name: $('name').value.trim() || undefined,
            smsPhone: $('sms').hidden ? undefined : $('sms-phone').value.trim() || undefined,
            language: language() });
        // The appointment's own page: its address is the visitor's way back to it.
        location.assign(`${appointment.path}?lang=${language()}`);
    } catch (error) {
        const code = error instanceof ApiError ? error.code : null;
        say(t({ slot_full: 'rdv.full', too_many_requests: 'rdv.tooMany', bad_phone_number: 'rdv.badNumber' }[code]
            ?? 'rdv.failed'));
        if (code === 'slot_full') {
            await showSlots();
        }
    } finally {
        $('book').disabled = false;
    }
}

async function loadBooking() {
    let services;
    try {
        services = await api.get(`/public/sites/${encodeURIComponent(siteId)}/appointments/services`);
    } catch (error) {
        say(error instanceof ApiError && error.status === 404 ? t('rdv.unknown') : t('rdv.failed'));
        return;
    }
    const menu = await api.get(`/public/sites/${encodeURIComponent(siteId)}/menu`).catch(() => null);
    timeZone = menu?.site?.timeZone;
    $('site-name').textContent = menu?.site?.name ?? '';
    $('sms').hidden = !menu?.smsReminders;
    if (services.length === 0) {
        say(t('rdv.none'));
        return;
    }
    $('service').replaceChildren(...services.map(service => h('option', { value: service.id }, localName(service))));
    $('day').replaceChildren(...nextDays().map(date => h('option', { value: date },
        dayText(`${date}T12:00:00Z`, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }))));
    $('booking').hidden = false;
    $('service').addEventListener('change', showSlots);
    $('day').addEventListener('change', showSlots);
    $('booking-form').addEventListener('submit', book);
    await showSlots();
}

function showAppointment(appointment) {
    timeZone = appointment.timeZone;
    $('title').textContent = t('rdv.yours');
    $('site-name').textContent = appointment.siteName ?? '';
    $('appointment').hidden = false;
    $('appointment-when').textContent = t('rdv.when', { day: dayText(appointment.startsAt),
        time: formatClock(appointment.startsAt, timeZone) });
    $('appointment-service').textContent = appointment.serviceName ?? '';
    const booked = appointment.status === 'BOOKED';
    $('appointment-state').textContent = t(`rdv.state.${appointment.status}`);
    $('checkin-help').hidden = !booked;
    $('code').textContent = `${appointment.code.slice(0, 3)} ${appointment.code.slice(3)}`;
    $('code').setAttribute('aria-label', appointment.code.split('').join(' '));
    $('code-qr').src = `/api/v1/public/appointments/${encodeURIComponent(token)}/code.svg`;
    $('code-qr').alt = t('rdv.qr', { code: appointment.code });
}

async function loadAppointment() {
    try {
        showAppointment(await api.get(`/public/appointments/${encodeURIComponent(token)}`));
    } catch (error) {
        say(error instanceof ApiError && error.status === 404 ? t('rdv.notFound') : t('rdv.failed'));
        return;
    }
    $('cancel').addEventListener('click', async () => {
        if (!window.confirm(t('rdv.confirmCancel'))) {
            return;
        }
        try {
            showAppointment(await api.post(`/public/appointments/${encodeURIComponent(token)}/cancel`));
            say(t('rdv.cancelled'));
        } catch (error) {
            say(t('rdv.failed'));
        }
    });
}

startPublicPage();
if (token) {
    loadAppointment();
} else {
    loadBooking();
}
