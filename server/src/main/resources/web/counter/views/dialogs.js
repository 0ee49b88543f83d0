// The pause dialog (a reason: break, meal, paperwork, meeting or the agent's own words), the transfer dialog (to
// another service or to a given counter, with a note that follows the ticket), the orientation dialog (a partner of the
// directory, found by a word; the visit ends oriented there and the counter-top screen shows where to go) and the
// new-ticket dialog (a ticket for a visitor already inside, at any hour). All are <dialog>s in index.html.

import { counterAction, failed, issueTicket, setBusy, ticketAction } from '../commands.js';
import { errorText, showMessage } from '../banner.js';
import { api, refresh } from '../server.js';
import { currentSite, state } from '../store.js';
import { outcomeBody } from './actions.js';
import { $, clockTime } from './parts.js';
import { h } from '/shared/dom.js';
import { placeOf, t } from '/shared/i18n.js';

/** Listens to the dialogs' forms once, at start. */
export function setUpDialogs() {
    $('#pause-form').addEventListener('submit', submitPause);
    $('#pause-other').addEventListener('focus', () => {
        $('#pause-dialog input[name="reason"][value="other"]').checked = true;
    });
    $('#transfer-form').addEventListener('submit', submitTransfer);
    $('#orient-form').addEventListener('submit', submitOrient);
    $('#orient-search').addEventListener('input', () => {
        clearTimeout(orientSearch.timer);
        orientSearch.timer = setTimeout(searchPartners, ORIENT_SEARCH_DELAY_MS);
    });
    $('#issue-form').addEventListener('submit', submitIssue);
    $('#new-ticket').addEventListener('click', openIssueDialog);
    $('#callback-form').addEventListener('submit', submitCallback);
    // What was typed (a caller's number) does not stay in the page once the dialog is closed.
    $('#callback-dialog').addEventListener('close', () => $('#callback-form').reset());
    $('#new-callback').addEventListener('click', openCallbackDialog);
    $('#appointment-form').addEventListener('submit', submitAppointment);
    $('#new-appointment').addEventListener('click', openAppointmentDialog);
    $('#appointment-service').addEventListener('change', readSlots);
    $('#appointment-day').addEventListener('change', readSlots);
    $('#appointment-dialog').addEventListener('close', () => $('#appointment-form').reset());
    document.querySelectorAll('input[name="transfer-to"]').forEach((radio) => {
        radio.addEventListener('change', showTransferTarget);
    });
    document.querySelectorAll('dialog .cancel').forEach((button) => {
        button.addEventListener('click', () => button.closest('dialog').close());
    });
}

export function openPauseDialog() {
    if (state.busy) {
        return;
    }
    const dialog = $('#pause-dialog');
    dialog.querySelector('input[name="reason"][value="break"]').checked = true;
    dialog.querySelector('#pause-other').value = '';
    dialog.showModal();
}

function submitPause(event) {
    event.preventDefault();
    const dialog = $('#pause-dialog');
    const choice = dialog.querySelector('input[name="reason"]:checked')?.value ?? 'break';
    const reason = choice === 'other' ? dialog.querySelector('#pause-other').value.trim() || 'other' : choice;
    dialog.close();
    counterAction('pause', { reason });
}

export function openTransferDialog() {
    const ticket = state.counter?.currentTicket;
    if (state.busy || !ticket) {
        return;
    }
    const site = currentSite();
    const dialog = $('#transfer-dialog');
    dialog.dataset.ticketId = ticket.id;
    dialog.querySelector('#transfer-title').textContent = t('transfer.title', { number: ticket.number });
    const option = (value, label) => h('option', { value }, label);
    dialog.querySelector('#transfer-service').replaceChildren(option('', t('transfer.choose')),
        ...site.services.filter(service => service.kind === 'service' && service.id !== ticket.serviceId)
            .map(service => option(service.id, `${service.prefix ?? ''} · ${service.name}`)));
    dialog.querySelector('#transfer-counter').replaceChildren(option('', t('transfer.choose')),
        ...site.counters.filter(counter => counter.active && counter.id !== state.counterId)
            .map(counter => option(counter.id, counter.name)));
    dialog.querySelector('input[name="transfer-to"][value="service"]').checked = true;
    dialog.querySelector('#transfer-note').value = '';
    dialog.querySelector('#transfer-error').textContent = '';
    showTransferTarget();
    dialog.showModal();
}

function transferToService() {
    return $('#transfer-dialog input[name="transfer-to"]:checked').value === 'service';
}

function showTransferTarget() {
    const toService = transferToService();
    $('#transfer-service-field').hidden = !toService;
    $('#transfer-counter-field').hidden = toService;
}

function submitTransfer(event) {
    event.preventDefault();
    const dialog = $('#transfer-dialog');
    const toService = transferToService();
    const target = dialog.querySelector(toService ? '#transfer-service' : '#transfer-counter').value;
    if (!target) {
        dialog.querySelector('#transfer-error').textContent = t('transfer.needTarget');
        return;
    }
    const note = dialog.querySelector('#transfer-note').value.trim();
    const body = toService ? { serviceId: target } : { counterId: target };
    if (note) {
        body.note = note;
    }
    dialog.close();
    // The ticket may have left the counter while the dialog was open: transfer only the one it was opened for.
    const ticket = state.counter?.currentTicket;
    if (ticket && String(ticket.id) === dialog.dataset.ticketId) {
        ticketAction('transfer', body, answer => transferMessage(ticket, answer));
    }
}

/** Where to send the visitor when the transfer takes them to another room (or building): the agent tells them. */
function transferMessage(ticket, transferred) {
    const where = transferred?.where;
    if (!where || where.roomId === ticket.where?.roomId) {
        return ['msg.transferred', {}];
    }
    return ['msg.transferredTo', { place: placeOf(where, { withDirections: true }) }];
}

/** Typing pauses this long before the directory is searched; each search answers only if it is still the last one. */
const ORIENT_SEARCH_DELAY_MS = 200;
const ORIENT_RESULTS = 30;
const orientSearch = { timer: null, run: 0 };

export function openOrientDialog() {
    const ticket = state.counter?.currentTicket;
    if (state.busy || !ticket) {
        return;
    }
    const dialog = $('#orient-dialog');
    dialog.dataset.ticketId = ticket.id;
    dialog.querySelector('#orient-title').textContent = t('orient.title', { number: ticket.number });
    dialog.querySelector('#orient-search').value = '';
    dialog.querySelector('#orient-error').textContent = '';
    dialog.querySelector('#orient-results').replaceChildren();
    dialog.querySelector('#orient-count').textContent = '';
    dialog.showModal();
    searchPartners();
}

async function searchPartners() {
    const run = ++orientSearch.run;
    const query = $('#orient-search').value.trim();
    let partners;
    try {
        partners = (await api.get(`/directory${query ? `?q=${encodeURIComponent(query)}` : ''}`)).partners;
    } catch (e) {
        if (run === orientSearch.run) {
            $('#orient-error').textContent = t('orient.searchFailed');
        }
        return;
    }
    if (run !== orientSearch.run) {
        return;
    }
    $('#orient-error').textContent = '';
    $('#orient-count').textContent = t('orient.count', { count: partners.length });
    $('#orient-results').replaceChildren(...partners.slice(0, ORIENT_RESULTS).map(partner =>
        h('label', { class: 'option partner' },
            h('input', { type: 'radio', name: 'orient-partner', value: partner.id, 'data-name': partner.name }),
            h('span', {}, h('strong', {}, partner.name), ' ',
                h('span', { class: 'hint' }, [partner.kind, partner.address, partner.phone].filter(Boolean)
                    .join(' · '))))));
}

function submitOrient(event) {
    event.preventDefault();
    const dialog = $('#orient-dialog');
    const chosen = dialog.querySelector('input[name="orient-partner"]:checked');
    if (!chosen) {
        dialog.querySelector('#orient-error').textContent = t('orient.needPartner');
        return;
    }
    dialog.close();
    const ticket = state.counter?.currentTicket;
    if (ticket && String(ticket.id) === dialog.dataset.ticketId) {
        ticketAction('finish', { ...outcomeBody(), orientedTo: chosen.value }, 'msg.oriented',
            { partner: chosen.dataset.name });
    }
}

/** The visitor languages are the server's (GET /api/v1/rules), read once. */
async function visitorLanguages() {
    state.rules ??= await api.get('/rules');
    return state.rules.languages.visitor;
}

export async function openIssueDialog() {
    const opened = await visitorDialog('#issue-dialog', '#issue-language');
    if (!opened) {
        return;
    }
    const { dialog, site, option } = opened;
    dialog.querySelector('#issue-service').replaceChildren(option('', t('transfer.choose')),
        ...site.services.filter(service => service.kind === 'service')
            .map(service => option(service.id, `${service.prefix ?? ''} · ${service.name}`)));
    dialog.querySelector('#issue-priority').checked = false;
    dialog.querySelector('#issue-error').textContent = '';
    dialog.showModal();
}

/**
 * A dialog about a visitor of the counter's site, with their language to choose: null while a command runs or when
 * the visitor languages cannot be read (the connection is down: the header says so).
 */
async function visitorDialog(dialogId, languageId) {
    const site = currentSite();
    if (state.busy || !site) {
        return null;
    }
    const languages = await visitorLanguages().catch(() => null);
    if (!languages) {
        return null;
    }
    const dialog = $(dialogId);
    const option = (value, label) => h('option', { value }, label);
    dialog.querySelector(languageId).replaceChildren(...languages
        .map(language => option(language, t('issue.lang.' + language))));
    return { dialog, site, option };
}

/**
 * Sends what a dialog asks, one command at a time: a refusal of what was typed (the given statuses) is said in the
 * dialog, which stays open; anything else closes it and is said as every command's refusal is.
 */
async function sendFromDialog(dialog, errorId, refusedStatuses, send) {
    if (state.busy) {
        return;
    }
    setBusy(true);
    try {
        await send();
    } catch (error) {
        if (refusedStatuses.includes(error.status)) {
            dialog.querySelector(errorId).textContent = errorText(error);
        } else {
            dialog.close();
            await failed(error);
        }
    } finally {
        setBusy(false);
    }
}

function submitIssue(event) {
    event.preventDefault();
    const dialog = $('#issue-dialog');
    const serviceId = dialog.querySelector('#issue-service').value;
    if (!serviceId) {
        dialog.querySelector('#issue-error').textContent = t('issue.needService');
        return;
    }
    dialog.close();
    issueTicket({ serviceId, language: dialog.querySelector('#issue-language').value,
        priority: dialog.querySelector('#issue-priority').checked ? 'PRIORITY' : 'NORMAL' });
}

/** A call-back asked for a caller on the line (phone reception): service, number, subject, and when to call. */
export async function openCallbackDialog() {
    const opened = await visitorDialog('#callback-dialog', '#callback-language');
    if (!opened) {
        return;
    }
    const { dialog, site, option } = opened;
    dialog.querySelector('#callback-service').replaceChildren(option('', t('transfer.choose')),
        ...site.services.filter(service => service.kind === 'service')
            .map(service => option(service.id, `${service.prefix ?? ''} · ${service.name}`)));
    dialog.querySelector('#callback-error').textContent = '';
    dialog.showModal();
}

async function submitCallback(event) {
    event.preventDefault();
    const dialog = $('#callback-dialog');
    const value = field => dialog.querySelector(field).value.trim() || undefined;
    if (!value('#callback-service')) {
        dialog.querySelector('#callback-error').textContent = t('issue.needService');
        return;
    }
    await sendFromDialog(dialog, '#callback-error', [400], async () => {
        const made = await api.post(`/sites/${encodeURIComponent(currentSite().id)}/callbacks`, {
            serviceId: value('#callback-service'), phone: value('#callback-phone'),
            subject: value('#callback-subject'), language: value('#callback-language'), date: value('#callback-date'),
            from: value('#callback-from'), to: value('#callback-to'),
        });
        dialog.close();
        showMessage('info', t('msg.callbackRequested', { service: made.serviceName ?? '' }), 'callback');
        await refresh('all');
    });
}

/** An appointment booked for a visitor (on the phone, or at the counter): the banner gives its code to pass on. */
export async function openAppointmentDialog() {
    const opened = await visitorDialog('#appointment-dialog', '#appointment-language');
    if (!opened) {
        return;
    }
    const { dialog, site, option } = opened;
    dialog.querySelector('#appointment-service').replaceChildren(...site.services
        .filter(service => service.appointments).map(service => option(service.id, service.name)));
    dialog.querySelector('#appointment-day').value = new Intl.DateTimeFormat('en-CA', { timeZone: site.timeZone,
        year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + state.clockOffsetMs));
    dialog.querySelector('#appointment-error').textContent = '';
    dialog.showModal();
    await readSlots();
}

/** The day's free slots of the service chosen. */
async function readSlots() {
    const site = currentSite();
    const serviceId = $('#appointment-service').value;
    const day = $('#appointment-day').value;
    const slots = serviceId && day ? await api.get(`/public/sites/${encodeURIComponent(site.id)}/appointments/slots`
        + `?serviceId=${encodeURIComponent(serviceId)}&date=${day}`).catch(() => []) : [];
    const free = slots.filter(slot => slot.remaining > 0);
    $('#appointment-slot').replaceChildren(...(free.length ? free.map(slot => h('option', { value: slot.startsAt },
        t('appointment.places', { time: clockTime(slot.startsAt), count: slot.remaining })))
        : [h('option', { value: '' }, t('appointment.none'))]));
}

async function submitAppointment(event) {
    event.preventDefault();
    const dialog = $('#appointment-dialog');
    const startsAt = dialog.querySelector('#appointment-slot').value;
    if (!startsAt) {
        dialog.querySelector('#appointment-error').textContent = t('appointment.none');
        return;
    }
    await sendFromDialog(dialog, '#appointment-error', [400, 409], async () => {
        try {
            const booked = await api.post(`/sites/${encodeURIComponent(currentSite().id)}/appointments`, {
                serviceId: dialog.querySelector('#appointment-service').value, startsAt,
                name: dialog.querySelector('#appointment-name').value.trim() || undefined,
                language: dialog.querySelector('#appointment-language').value });
            dialog.close();
            showMessage('info', t('msg.appointmentBooked', { code: `${booked.code.slice(0, 3)} ${booked.code.slice(3)}`,
                time: clockTime(booked.startsAt), service: booked.serviceName ?? '' }), 'appointment');
        } catch (error) {
            await readSlots(); // a slot taken meanwhile leaves the list
            throw error;
        }
    });
}
