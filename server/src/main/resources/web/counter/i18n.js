// Texts of the counter tablet, French first. {name} placeholders are filled by t().

const TEXTS = {
    fr: {
        'app.title': 'Guichet – poste agent',
        'lang.switch': 'English',
        'lang.switchShort': 'EN',
        'login.title': 'Connexion agent',
        'login.username': 'Identifiant',
        'login.password': 'Mot de passe',
        'login.submit': 'Se connecter',
        'login.remembered': 'Guichet de cette tablette : {counter}',
        'logout': 'Déconnexion',
        'choose.title': 'Choisissez votre guichet',
        'choose.hint': 'Ce choix est retenu sur cette tablette.',
        'choose.none': 'Aucun guichet n’est configuré pour vos sites.',
        'choose.change': 'Changer de guichet',
        'status.OPEN': 'Ouvert',
        'status.PAUSED': 'En pause',
        'status.CLOSED': 'Fermé',
        'live.open': 'En direct',
        'live.connecting': 'Connexion…',
        'live.closed': 'Reconnexion…',
        'live.unavailable': 'Mise à jour toutes les 5 s',
        'services': 'Services',
        'action.open': 'Ouvrir le guichet',
        'action.close': 'Fermer le guichet',
        'action.pause': 'Pause',
        'action.resume': 'Reprendre',
        'action.callNext': 'Appeler le suivant',
        'action.start': 'Commencer',
        'action.finish': 'Terminer',
        'action.recall': 'Rappeler',
        'action.noShow': 'Absent',
        'action.requeue': 'Remettre en attente',
        'action.transfer': 'Transférer',
        'action.callThis': 'Appeler',
        'action.cancel': 'Annuler',
        'action.confirmPause': 'Mettre en pause',
        'action.confirmTransfer': 'Transférer le ticket',
        'recalls.one': '{count} rappel',
        'recalls.other': '{count} rappels',
        'outcome.label': 'Code résultat (facultatif)',
        'outcome.placeholder': 'ex. dossier-complet',
        'ticket.none': 'Aucun visiteur au guichet',
        'ticket.noneHint': 'Appuyez sur « Appeler le suivant » quand vous êtes prêt.',
        'ticket.CALLED': 'Appelé – en attente du visiteur',
        'ticket.SERVING': 'En cours',
        'ticket.waited': 'A attendu {duration}',
        'ticket.calledFor': 'Appelé il y a {duration}',
        'ticket.servingFor': 'En service depuis {duration}',
        'ticket.note': 'Note de transfert',
        'ticket.history': 'Historique',
        'priority.PRIORITY': 'Prioritaire',
        'priority.APPOINTMENT': 'Rendez-vous',
        'event.ISSUE': 'Ticket pris',
        'event.CALL': 'Appelé',
        'event.RECALL': 'Rappelé',
        'event.START': 'Pris en charge',
        'event.FINISH': 'Terminé',
        'event.NO_SHOW': 'Absent',
        'event.REQUEUE': 'Remis en attente',
        'event.TRANSFER': 'Transféré',
        'event.TRANSFER_IN': 'Reçu par transfert',
        'event.CANCEL': 'Annulé',
        'event.at': 'à {place}',
        'closed.title': 'Guichet fermé',
        'closed.hint': 'Ouvrez le guichet pour commencer à appeler les visiteurs.',
        'paused.title': 'Guichet en pause',
        'paused.since': 'Depuis {time}',
        'other.title': 'Ce guichet est ouvert par {name}',
        'other.hint': 'Choisissez un autre guichet, ou demandez à votre collègue de le fermer.',
        'waiting.title': 'File d’attente',
        'waiting.empty': 'Personne n’attend pour ce guichet.',
        'waiting.overTarget': 'Objectif dépassé',
        'waiting.forThisCounter': 'Pour ce guichet',
        'waiting.transferred': 'Transféré',
        'today.title': 'Ma journée',
        'today.served': 'servis',
        'today.averageService': 'durée moyenne',
        'today.averageWait': 'attente moyenne',
        'today.noShows': 'absents',
        'pause.title': 'Mettre le guichet en pause',
        'pause.reason': 'Motif',
        'pause.break': 'Pause',
        'pause.meal': 'Repas',
        'pause.admin': 'Tâche administrative',
        'pause.meeting': 'Réunion',
        'pause.other': 'Autre motif',
        'pause.otherPlaceholder': 'Précisez',
        'transfer.title': 'Transférer le ticket {number}',
        'transfer.toService': 'Vers un service',
        'transfer.toCounter': 'Vers un guichet',
        'transfer.choose': '— choisir —',
        'transfer.service': 'Service',
        'transfer.counter': 'Guichet',
        'transfer.note': 'Note pour le collègue (suit le ticket)',
        'transfer.needTarget': 'Choisissez le service ou le guichet.',
        'msg.nobodyWaiting': 'Personne n’attend pour vos services.',
        'msg.called': 'Ticket {number} appelé.',
        'msg.finished': 'Ticket {number} terminé.',
        'msg.noShow': 'Ticket {number} noté absent.',
        'msg.requeued': 'Ticket {number} remis en attente à sa place.',
        'msg.transferred': 'Ticket {number} transféré.',
        'msg.reconnected': 'Connexion rétablie.',
        'err.network': 'Connexion au serveur perdue. Nouvelle tentative dans {seconds} s… Ne ressaisissez rien : l’écran se mettra à jour.',
        'err.session_expired': 'Votre session a expiré : reconnectez-vous. Votre guichet reste choisi.',
        'err.invalid_credentials': 'Identifiant ou mot de passe incorrect.',
        'err.takenByCounter': 'Le ticket {number} vient d’être appelé au {counter}. Choisissez-en un autre.',
        'err.notWaitingAnymore': 'Le ticket {number} n’est plus en attente.',
        'err.illegal_transition': 'Ce ticket a changé entre-temps ; l’écran est maintenant à jour.',
        'err.counter_busy': 'Ce guichet a déjà un ticket en cours : terminez-le d’abord.',
        'err.agent_busy': 'Vous avez déjà un ticket en cours à un autre guichet.',
        'err.counter_taken': 'Ce guichet est déjà ouvert par un autre agent.',
        'err.counter_not_open': 'Ouvrez le guichet avant d’appeler.',
        'err.agent_has_counter': 'Vous avez déjà un autre guichet ouvert : fermez-le d’abord.',
        'err.illegal_counter_transition': 'L’état du guichet a changé entre-temps ; l’écran est maintenant à jour.',
        'err.busy': 'D’autres guichets appellent au même moment : réessayez.',
        'err.forbidden': 'Votre compte ne permet pas cette action ici.',
        'err.not_found': 'Élément introuvable ; l’écran a été mis à jour.',
        'err.activeTicket': 'Terminez ou transférez le ticket en cours avant de vous déconnecter.',
        'err.generic': 'L’action n’a pas abouti ({message}).',
        'dismiss': 'Fermer le message',
        'duration.s': '{s} s',
        'duration.m': '{m} min',
        'duration.ms': '{m} min {s} s',
        'duration.h': '{h} h {m} min',
        'duration.hShort': '{h} h {m}',
        'kbd': 'Raccourci clavier : {key}',
        'key.space': 'Espace',
    },
    en: {
        'app.title': 'Guichet – counter',
        'lang.switch': 'Français',
        'lang.switchShort': 'FR',
        'login.title': 'Agent log-in',
        'login.username': 'Username',
        'login.password': 'Password',
        'login.submit': 'Log in',
        'login.remembered': 'Counter of this tablet: {counter}',
        'logout': 'Log out',
        'choose.title': 'Choose your counter',
        'choose.hint': 'This tablet remembers your choice.',
        'choose.none': 'No counter is set up for your sites.',
        'choose.change': 'Change counter',
        'status.OPEN': 'Open',
        'status.PAUSED': 'On break',
        'status.CLOSED': 'Closed',
        'live.open': 'Live',
        'live.connecting': 'Connecting…',
        'live.closed': 'Reconnecting…',
        'live.unavailable': 'Updated every 5 s',
        'services': 'Services',
        'action.open': 'Open the counter',
        'action.close': 'Close the counter',
        'action.pause': 'Break',
        'action.resume': 'Resume',
        'action.callNext': 'Call next',
        'action.start': 'Start',
        'action.finish': 'Finish',
        'action.recall': 'Recall',
        'action.noShow': 'No-show',
        'action.requeue': 'Back to queue',
        'action.transfer': 'Transfer',
        'action.callThis': 'Call',
        'action.cancel': 'Cancel',
        'action.confirmPause': 'Take a break',
        'action.confirmTransfer': 'Transfer the ticket',
        'recalls.one': '{count} recall',
        'recalls.other': '{count} recalls',
        'outcome.label': 'Outcome code (optional)',
        'outcome.placeholder': 'e.g. file-complete',
        'ticket.none': 'No visitor at the counter',
        'ticket.noneHint': 'Press “Call next” when you are ready.',
        'ticket.CALLED': 'Called – waiting for the visitor',
        'ticket.SERVING': 'In service',
        'ticket.waited': 'Waited {duration}',
        'ticket.calledFor': 'Called {duration} ago',
        'ticket.servingFor': 'In service for {duration}',
        'ticket.note': 'Transfer note',
        'ticket.history': 'History',
        'priority.PRIORITY': 'Priority',
        'priority.APPOINTMENT': 'Appointment',
        'event.ISSUE': 'Ticket taken',
        'event.CALL': 'Called',
        'event.RECALL': 'Recalled',
        'event.START': 'Service started',
        'event.FINISH': 'Finished',
        'event.NO_SHOW': 'No-show',
        'event.REQUEUE': 'Back to queue',
        'event.TRANSFER': 'Transferred',
        'event.TRANSFER_IN': 'Received by transfer',
        'event.CANCEL': 'Cancelled',
        'event.at': 'at {place}',
        'closed.title': 'Counter closed',
        'closed.hint': 'Open the counter to start calling visitors.',
        'paused.title': 'Counter on break',
        'paused.since': 'Since {time}',
        'other.title': 'This counter is open by {name}',
        'other.hint': 'Choose another counter, or ask your colleague to close it.',
        'waiting.title': 'Waiting list',
        'waiting.empty': 'Nobody is waiting for this counter.',
        'waiting.overTarget': 'Over target',
        'waiting.forThisCounter': 'For this counter',
        'waiting.transferred': 'Transferred',
        'today.title': 'My day',
        'today.served': 'served',
        'today.averageService': 'average service',
        'today.averageWait': 'average wait',
        'today.noShows': 'no-shows',
        'pause.title': 'Put the counter on break',
        'pause.reason': 'Reason',
        'pause.break': 'Break',
        'pause.meal': 'Meal',
        'pause.admin': 'Paperwork',
        'pause.meeting': 'Meeting',
        'pause.other': 'Other reason',
        'pause.otherPlaceholder': 'Please specify',
        'transfer.title': 'Transfer ticket {number}',
        'transfer.toService': 'To a service',
        'transfer.toCounter': 'To a counter',
        'transfer.choose': '— choose —',
        'transfer.service': 'Service',
        'transfer.counter': 'Counter',
        'transfer.note': 'Note for your colleague (follows the ticket)',
        'transfer.needTarget': 'Choose the service or the counter.',
        'msg.nobodyWaiting': 'Nobody is waiting for your services.',
        'msg.called': 'Ticket {number} called.',
        'msg.finished': 'Ticket {number} finished.',
        'msg.noShow': 'Ticket {number} marked as no-show.',
        'msg.requeued': 'Ticket {number} is back in the queue at its place.',
        'msg.transferred': 'Ticket {number} transferred.',
        'msg.reconnected': 'Connection restored.',
        'err.network': 'Connection to the server lost. Retrying in {seconds} s… Do not redo anything: the screen will update.',
        'err.session_expired': 'Your session has expired: please log in again. Your counter stays selected.',
        'err.invalid_credentials': 'Wrong username or password.',
        'err.takenByCounter': 'Ticket {number} has just been called to {counter}. Please choose another one.',
        'err.notWaitingAnymore': 'Ticket {number} is no longer waiting.',
        'err.illegal_transition': 'This ticket changed meanwhile; the screen is now up to date.',
        'err.counter_busy': 'This counter already has a ticket in progress: finish it first.',
        'err.agent_busy': 'You already have a ticket in progress at another counter.',
        'err.counter_taken': 'This counter is already open by another agent.',
        'err.counter_not_open': 'Open the counter before calling.',
        'err.agent_has_counter': 'You already have another counter open: close it first.',
        'err.illegal_counter_transition': 'The counter changed meanwhile; the screen is now up to date.',
        'err.busy': 'Other counters are calling at the same moment: please try again.',
        'err.forbidden': 'Your account does not allow this here.',
        'err.not_found': 'Not found; the screen has been updated.',
        'err.activeTicket': 'Finish or transfer the current ticket before logging out.',
        'err.generic': 'That did not work ({message}).',
        'dismiss': 'Dismiss',
        'duration.s': '{s} s',
        'duration.m': '{m} min',
        'duration.ms': '{m} min {s} s',
        'duration.h': '{h} h {m} min',
        'duration.hShort': '{h} h {m}',
        'kbd': 'Keyboard shortcut: {key}',
        'key.space': 'Space',
    },
};

export const LANGUAGES = ['fr', 'en'];

let current = 'fr';

export function setLanguage(language) {
    current = LANGUAGES.includes(language) ? language : 'fr';
    document.documentElement.lang = current;
    return current;
}

export function language() {
    return current;
}

export function t(key, params = {}) {
    const text = TEXTS[current][key] ?? TEXTS.fr[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** "{count} rappel" or "{count} rappels". */
export function plural(key, count) {
    return t(count === 1 ? `${key}.one` : `${key}.other`, { count });
}

export function hasText(key) {
    return key in TEXTS.fr;
}

/** "45 s", "6 min 20 s", "1 h 05 min": short enough for a glance. */
export function duration(totalSeconds) {
    const seconds = Math.max(0, Math.round(totalSeconds));
    if (seconds < 60) {
        return t('duration.s', { s: seconds });
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 10) {
        const rest = seconds % 60;
        return rest === 0 ? t('duration.m', { m: minutes }) : t('duration.ms', { m: minutes, s: rest });
    }
    if (minutes < 60) {
        return t('duration.m', { m: minutes });
    }
    return t('duration.h', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}

/** Whole minutes once past the first one ("45 s", "7 min", "1 h 05"): for lists read at a glance. */
export function shortDuration(totalSeconds) {
    const seconds = Math.max(0, Math.floor(totalSeconds));
    if (seconds < 60) {
        return t('duration.s', { s: seconds });
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        return t('duration.m', { m: minutes });
    }
    return t('duration.hShort', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}
