// A visitor's own ticket, opened from the QR code printed on it: /ticket/<statusToken>.
// Shows the number, people ahead, then the counter when called; live through guichet.ticket.<token>.
import { EventBus } from '/shared/eventbus.js';

const TEXT = {
    fr: {
        waiting: n => n === 0 ? 'Vous êtes le prochain.' : n === 1 ? '1 personne avant vous.' : `${n} personnes avant vous.`,
        waitingDetail: 'Gardez cette page ouverte : elle se met à jour toute seule.',
        called: counter => `Présentez-vous au ${counter}.`,
        serving: 'Vous êtes reçu.',
        done: 'Votre visite est terminée. Merci.',
        noShow: 'Vous avez été appelé mais ne vous êtes pas présenté. Adressez-vous à l’accueil.',
        cancelled: 'Ce ticket a été annulé.',
        unknown: 'Ce ticket est introuvable. Vérifiez l’adresse ou adressez-vous à l’accueil.',
        offline: 'Connexion perdue, nouvel essai en cours…'
    },
    en: {
        waiting: n => n === 0 ? 'You are next.' : n === 1 ? '1 person ahead of you.' : `${n} people ahead of you.`,
        waitingDetail: 'Keep this page open: it updates by itself.',
        called: counter => `Please go to ${counter}.`,
        serving: 'You are being served.',
        done: 'Your visit is over. Thank you.',
        noShow: 'You were called but did not come. Please ask at the reception desk.',
        cancelled: 'This ticket was cancelled.',
        unknown: 'This ticket cannot be found. Check the address or ask at the reception desk.',
        offline: 'Connection lost, trying again…'
    },
    es: {
        waiting: n => n === 0 ? 'Es usted el siguiente.' : n === 1 ? '1 persona delante de usted.' : `${n} personas delante de usted.`,
        waitingDetail: 'Mantenga esta página abierta: se actualiza sola.',
        called: counter => `Diríjase a ${counter}.`,
        serving: 'Está siendo atendido.',
        done: 'Su visita ha terminado. Gracias.',
        noShow: 'Fue llamado pero no se presentó. Diríjase a la recepción.',
        cancelled: 'Este número ha sido anulado.',
        unknown: 'No se encuentra este número. Compruebe la dirección o diríjase a la recepción.',
        offline: 'Conexión perdida, reintentando…'
    },
    oc: {
        waiting: n => n === 0 ? 'Sètz lo seguent.' : n === 1 ? '1 persona davant vos.' : `${n} personas davant vos.`,
        waitingDetail: 'Gardatz aquesta pagina dobèrta : se met a jorn tota sola.',
        called: counter => `Presentatz-vos al ${counter}.`,
        serving: 'Sètz recebut.',
        done: 'Vòstra visita es acabada. Mercé.',
        noShow: 'Sètz estat apelat mas vos sètz pas presentat. Adreçatz-vos a l’acuèlh.',
        cancelled: 'Aqueste tiquet es estat anullat.',
        unknown: 'Aqueste tiquet es introbable. Adreçatz-vos a l’acuèlh.',
        offline: 'Connexion perduda, novèl ensag…'
    }
};

const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
const $ = id => document.getElementById(id);
let text = TEXT.fr;

async function refresh() {
    const response = await fetch(`/api/v1/public/tickets/${encodeURIComponent(token)}`, { cache: 'no-store' });
    if (response.status === 404) {
        $('state').textContent = text.unknown;
        $('number').textContent = '';
        return;
    }
    if (!response.ok) {
        throw new Error(`status ${response.status}`);
    }
    render(await response.json());
}

function render(ticket) {
    text = TEXT[ticket.language] || TEXT.fr;
    document.documentElement.lang = ticket.language || 'fr';
    $('site').textContent = ticket.siteName;
    $('service').textContent = ticket.serviceName;
    $('number').textContent = ticket.number;
    const main = $('ticket');
    main.classList.toggle('called', ticket.status === 'CALLED');
    const states = {
        WAITING: [text.waiting(ticket.peopleAhead), text.waitingDetail],
        CALLED: [text.called(ticket.counterName), ''],
        SERVING: [text.serving, ''],
        DONE: [text.done, ''],
        NO_SHOW: [text.noShow, ''],
        CANCELLED: [text.cancelled, ''],
        TRANSFERRED: [text.waiting(ticket.peopleAhead), text.waitingDetail]
    };
    const [state, detail] = states[ticket.status] || ['', ''];
    $('state').textContent = state;
    $('detail').textContent = detail;
}

const bus = new EventBus('/eventbus');
bus.onState(state => {
    $('connection').hidden = state !== 'closed';
    $('connection').textContent = text.offline;
    if (state === 'open') {
        return refresh().catch(() => {});
    }
});
bus.subscribe(`guichet.ticket.${token}`, () => refresh().catch(() => {}));
refresh().catch(() => { $('state').textContent = text.offline; });
bus.start();
// People ahead change when others are called, which this ticket's channel does not tell: re-read now and then.
setInterval(() => refresh().catch(() => {}), 20000);
