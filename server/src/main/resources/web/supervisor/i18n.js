// French first, English second. t(key, params) replaces {name} placeholders.

const MESSAGES = {
    fr: {
        'app.title': 'Guichet – Supervision',
        'app.brand': 'Supervision',
        'lang.switch': 'English',
        'lang.switch.label': 'Switch to English',
        'login.title': 'Connexion',
        'login.intro': 'Réservé aux superviseurs et aux administrateurs.',
        'login.username': 'Identifiant',
        'login.password': 'Mot de passe',
        'login.submit': 'Se connecter',
        'login.failed': 'Identifiant ou mot de passe incorrect.',
        'login.notSupervisor': 'Ce compte n’est pas un compte de superviseur.',
        'logout': 'Se déconnecter',
        'site.label': 'Site',
        'tab.live': 'En direct',
        'tab.stats': 'Statistiques',
        'bus.open': 'Temps réel actif',
        'bus.connecting': 'Connexion au temps réel…',
        'bus.closed': 'Temps réel coupé : mise à jour toutes les 30 s',
        'error.network': 'Le serveur est injoignable. Nouvel essai dans quelques secondes.',
        'error.session': 'Votre session a expiré : reconnectez-vous.',
        'error.forbidden': 'Votre compte ne permet pas de voir ces données.',
        'error.request': 'La demande a été refusée : {message}',
        'error.server': 'Le serveur a rencontré une erreur. Réessayez dans un instant.',
        'live.alerts': 'Alertes',
        'live.noAlert': 'Aucune alerte : les attentes sont dans les objectifs et les appareils répondent.',
        'alert.wait': '{service} : attente la plus longue {wait} (objectif {target} min), {count} en attente',
        'alert.silent': '{device} ne donne plus signe de vie depuis {since}',
        'alert.disconnected': '{device} n’est plus connecté au temps réel',
        'alert.printer': '{device} : {problems}',
        'printer.PAPER_OUT': 'plus de papier',
        'printer.PAPER_NEAR_END': 'papier presque épuisé',
        'printer.COVER_OPEN': 'capot ouvert',
        'printer.OFFLINE': 'imprimante hors ligne',
        'printer.ERROR': 'imprimante en erreur',
        'printer.CANNOT_PRINT': 'ne peut pas imprimer',
        'printer.OUT_OF_ORDER': 'borne hors service',
        'live.today': 'Aujourd’hui',
        'live.counters': 'Guichets',
        'live.queues': 'Files d’attente',
        'live.devices': 'Bornes et écrans',
        'live.updated': 'Mis à jour à {time}',
        'kpi.issued': 'Tickets émis',
        'kpi.served': 'Servis',
        'kpi.waitingNow': 'En attente',
        'kpi.avgWait': 'Attente moyenne',
        'kpi.withinTarget': 'Appelés dans l’objectif',
        'kpi.withinThreshold': 'Appelés en {minutes} min ou moins',
        'kpi.medianWait': 'Attente médiane',
        'kpi.p90Wait': 'Attente 90e centile',
        'kpi.noShow': 'Absents',
        'kpi.cancelled': 'Annulés (partis)',
        'kpi.transferred': 'Transférés',
        'kpi.avgService': 'Durée moyenne de service',
        'kpi.avgWalk': 'Trajet moyen jusqu’au guichet',
        'counter.OPEN': 'Ouvert',
        'counter.PAUSED': 'En pause',
        'counter.CLOSED': 'Fermé',
        'counter.since': 'depuis {time}',
        'counter.free': 'Libre, attend le prochain appel',
        'counter.ticket.CALLED': '{number} appelé depuis {elapsed}',
        'counter.ticket.SERVING': '{number} en service depuis {elapsed}',
        'counter.pause': 'Pause : {reason}',
        'counter.noAgent': 'Personne au guichet',
        'queue.service': 'Service',
        'queue.waiting': 'En attente',
        'queue.longest': 'Attente la plus longue',
        'queue.target': 'Objectif',
        'queue.state': 'État',
        'queue.over': 'Objectif dépassé',
        'queue.ok': 'Dans l’objectif',
        'queue.empty': 'Personne',
        'device.name': 'Appareil',
        'device.kind': 'Type',
        'device.lastSeen': 'Dernier signal',
        'device.state': 'État',
        'device.kind.kiosk': 'Borne',
        'device.kind.screen': 'Écran de salle',
        'device.kind.counter_screen': 'Écran de guichet',
        'device.never': 'jamais',
        'device.neverConnected': 'Jamais connecté',
        'device.ok': 'Fonctionne',
        'device.silent': 'Silencieux',
        'device.disconnected': 'Déconnecté du temps réel',
        'device.revoked': 'Révoqué',
        'device.none': 'Aucun appareil déclaré pour ce site.',
        'stats.filters': 'Filtres',
        'stats.period': 'Période',
        'stats.preset.today': 'Aujourd’hui',
        'stats.preset.7d': '7 derniers jours',
        'stats.preset.month': 'Ce mois-ci',
        'stats.preset.lastMonth': 'Mois dernier',
        'stats.preset.year': 'Cette année',
        'stats.preset.custom': 'Dates choisies',
        'stats.from': 'Du',
        'stats.to': 'au',
        'stats.scope': 'Sites',
        'stats.scope.site': 'Ce site',
        'stats.scope.all': 'Tous mes sites',
        'stats.service': 'Service',
        'stats.counter': 'Guichet',
        'stats.agent': 'Agent',
        'stats.any': 'Tous',
        'stats.threshold': 'Seuil d’attente (min)',
        'stats.show': 'Afficher',
        'stats.loading': 'Calcul en cours…',
        'stats.approximate': 'Sur une période et un périmètre aussi larges, les médianes et centiles sont estimés à la minute près (agrégats par site) ; les effectifs, moyennes et parts sont exacts.',
        'stats.summary': 'Synthèse',
        'stats.series.day': 'Tickets et attente moyenne par jour',
        'stats.series.month': 'Tickets et attente moyenne par mois',
        'stats.hours': 'Arrivées et attente par heure (heure locale du site)',
        'stats.weekdays': 'Arrivées et attente par jour de la semaine',
        'stats.byService': 'Attente par service',
        'stats.byCounter': 'Par guichet',
        'stats.byAgent': 'Par agent',
        'stats.occupancy': 'Occupation des guichets',
        'stats.occupancy.unavailable': 'L’occupation se calcule pour au plus 400 journées-sites : choisissez un site ou une période plus courte.',
        'stats.table': 'Tableau des données',
        'stats.csv': 'Télécharger (CSV)',
        'stats.noData': 'Aucun ticket sur cette période.',
        'col.label': 'Nom',
        'col.day': 'Date',
        'col.month': 'Mois',
        'col.hour': 'Heure',
        'col.weekday': 'Jour',
        'col.tickets': 'Tickets',
        'col.arrivals': 'Arrivées',
        'col.called': 'Appelés',
        'col.served': 'Servis',
        'col.noShow': 'Absents',
        'col.avgWait': 'Attente moy. (min)',
        'col.medianWait': 'Attente méd. (min)',
        'col.p90Wait': 'Attente 90e c. (min)',
        'col.withinTarget': 'Dans l’objectif',
        'col.withinThreshold': '≤ {minutes} min',
        'col.avgService': 'Service moy. (min)',
        'col.open': 'Ouvert (h)',
        'col.paused': 'Pause (h)',
        'col.calling': 'Appel (h)',
        'col.serving': 'Service (h)',
        'col.idle': 'Disponible (h)',
        'col.occupancy': 'Occupation',
        'chart.tickets': 'Tickets',
        'chart.arrivals': 'Arrivées',
        'chart.avgWait': 'Attente moyenne (min)',
        'chart.p90Wait': 'Attente 90e centile (min)',
        'chart.serving': 'En service',
        'chart.calling': 'Appel en cours',
        'chart.idle': 'Disponible',
        'chart.paused': 'En pause',
        'chart.hours': 'heures',
        'none': '—',
        'noCounter': 'Sans guichet (partis avant l’appel, ou en attente)',
        'noAgent': 'Sans agent (partis avant l’appel, ou en attente)',
        'weekday.1': 'lundi', 'weekday.2': 'mardi', 'weekday.3': 'mercredi', 'weekday.4': 'jeudi',
        'weekday.5': 'vendredi', 'weekday.6': 'samedi', 'weekday.7': 'dimanche',
    },
    en: {
        'app.title': 'Guichet – Supervision',
        'app.brand': 'Supervision',
        'lang.switch': 'Français',
        'lang.switch.label': 'Passer en français',
        'login.title': 'Log in',
        'login.intro': 'For supervisors and administrators.',
        'login.username': 'Username',
        'login.password': 'Password',
        'login.submit': 'Log in',
        'login.failed': 'Wrong username or password.',
        'login.notSupervisor': 'This account is not a supervisor account.',
        'logout': 'Log out',
        'site.label': 'Site',
        'tab.live': 'Live',
        'tab.stats': 'Statistics',
        'bus.open': 'Live updates on',
        'bus.connecting': 'Connecting live updates…',
        'bus.closed': 'Live updates off: refreshed every 30 s',
        'error.network': 'The server cannot be reached. Trying again in a few seconds.',
        'error.session': 'Your session has expired: please log in again.',
        'error.forbidden': 'Your account may not see this data.',
        'error.request': 'The request was refused: {message}',
        'error.server': 'The server ran into an error. Try again in a moment.',
        'live.alerts': 'Alerts',
        'live.noAlert': 'No alert: waits are within targets and devices respond.',
        'alert.wait': '{service}: longest wait {wait} (target {target} min), {count} waiting',
        'alert.silent': '{device} has not reported since {since}',
        'alert.disconnected': '{device} lost its live connection',
        'alert.printer': '{device}: {problems}',
        'printer.PAPER_OUT': 'out of paper',
        'printer.PAPER_NEAR_END': 'paper nearly out',
        'printer.COVER_OPEN': 'cover open',
        'printer.OFFLINE': 'printer offline',
        'printer.ERROR': 'printer error',
        'printer.CANNOT_PRINT': 'cannot print',
        'printer.OUT_OF_ORDER': 'kiosk out of order',
        'live.today': 'Today',
        'live.counters': 'Counters',
        'live.queues': 'Queues',
        'live.devices': 'Kiosks and screens',
        'live.updated': 'Updated at {time}',
        'kpi.issued': 'Tickets issued',
        'kpi.served': 'Served',
        'kpi.waitingNow': 'Waiting',
        'kpi.avgWait': 'Average wait',
        'kpi.withinTarget': 'Called within target',
        'kpi.withinThreshold': 'Called within {minutes} min',
        'kpi.medianWait': 'Median wait',
        'kpi.p90Wait': '90th percentile wait',
        'kpi.noShow': 'No-shows',
        'kpi.cancelled': 'Cancelled (left)',
        'kpi.transferred': 'Transferred',
        'kpi.avgService': 'Average service time',
        'kpi.avgWalk': 'Average walk to the counter',
        'counter.OPEN': 'Open',
        'counter.PAUSED': 'Paused',
        'counter.CLOSED': 'Closed',
        'counter.since': 'since {time}',
        'counter.free': 'Free, waiting for the next call',
        'counter.ticket.CALLED': '{number} called {elapsed} ago',
        'counter.ticket.SERVING': '{number} in service for {elapsed}',
        'counter.pause': 'Pause: {reason}',
        'counter.noAgent': 'Nobody at the counter',
        'queue.service': 'Service',
        'queue.waiting': 'Waiting',
        'queue.longest': 'Longest wait',
        'queue.target': 'Target',
        'queue.state': 'State',
        'queue.over': 'Over target',
        'queue.ok': 'Within target',
        'queue.empty': 'Nobody',
        'device.name': 'Device',
        'device.kind': 'Type',
        'device.lastSeen': 'Last report',
        'device.state': 'State',
        'device.kind.kiosk': 'Kiosk',
        'device.kind.screen': 'Room screen',
        'device.kind.counter_screen': 'Counter screen',
        'device.never': 'never',
        'device.neverConnected': 'Never connected',
        'device.ok': 'Working',
        'device.silent': 'Silent',
        'device.disconnected': 'Lost its live connection',
        'device.revoked': 'Revoked',
        'device.none': 'No device registered for this site.',
        'stats.filters': 'Filters',
        'stats.period': 'Period',
        'stats.preset.today': 'Today',
        'stats.preset.7d': 'Last 7 days',
        'stats.preset.month': 'This month',
        'stats.preset.lastMonth': 'Last month',
        'stats.preset.year': 'This year',
        'stats.preset.custom': 'Chosen dates',
        'stats.from': 'From',
        'stats.to': 'to',
        'stats.scope': 'Sites',
        'stats.scope.site': 'This site',
        'stats.scope.all': 'All my sites',
        'stats.service': 'Service',
        'stats.counter': 'Counter',
        'stats.agent': 'Agent',
        'stats.any': 'All',
        'stats.threshold': 'Wait threshold (min)',
        'stats.show': 'Show',
        'stats.loading': 'Computing…',
        'stats.approximate': 'Over such a wide period and scope, medians and percentiles are estimated to the minute (per-site rollups); counts, averages and shares are exact.',
        'stats.summary': 'Summary',
        'stats.series.day': 'Tickets and average wait by day',
        'stats.series.month': 'Tickets and average wait by month',
        'stats.hours': 'Arrivals and wait by hour (site local time)',
        'stats.weekdays': 'Arrivals and wait by day of the week',
        'stats.byService': 'Wait by service',
        'stats.byCounter': 'By counter',
        'stats.byAgent': 'By agent',
        'stats.occupancy': 'Counter occupancy',
        'stats.occupancy.unavailable': 'Occupancy covers at most 400 site-days: choose one site or a shorter period.',
        'stats.table': 'Data table',
        'stats.csv': 'Download (CSV)',
        'stats.noData': 'No ticket in this period.',
        'col.label': 'Name',
        'col.day': 'Date',
        'col.month': 'Month',
        'col.hour': 'Hour',
        'col.weekday': 'Day',
        'col.tickets': 'Tickets',
        'col.arrivals': 'Arrivals',
        'col.called': 'Called',
        'col.served': 'Served',
        'col.noShow': 'No-shows',
        'col.avgWait': 'Avg wait (min)',
        'col.medianWait': 'Median wait (min)',
        'col.p90Wait': 'P90 wait (min)',
        'col.withinTarget': 'Within target',
        'col.withinThreshold': '≤ {minutes} min',
        'col.avgService': 'Avg service (min)',
        'col.open': 'Open (h)',
        'col.paused': 'Paused (h)',
        'col.calling': 'Calling (h)',
        'col.serving': 'Serving (h)',
        'col.idle': 'Idle (h)',
        'col.occupancy': 'Occupancy',
        'chart.tickets': 'Tickets',
        'chart.arrivals': 'Arrivals',
        'chart.avgWait': 'Average wait (min)',
        'chart.p90Wait': '90th percentile wait (min)',
        'chart.serving': 'Serving',
        'chart.calling': 'Calling',
        'chart.idle': 'Idle',
        'chart.paused': 'Paused',
        'chart.hours': 'hours',
        'none': '—',
        'noCounter': 'No counter (left before being called, or waiting)',
        'noAgent': 'No agent (left before being called, or waiting)',
        'weekday.1': 'Monday', 'weekday.2': 'Tuesday', 'weekday.3': 'Wednesday', 'weekday.4': 'Thursday',
        'weekday.5': 'Friday', 'weekday.6': 'Saturday', 'weekday.7': 'Sunday',
    },
};

const STORAGE_KEY = 'guichet.supervisor.language';
let current = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';

export function language() {
    return current;
}

export function setLanguage(value) {
    current = value === 'en' ? 'en' : 'fr';
    localStorage.setItem(STORAGE_KEY, current);
    document.documentElement.lang = current;
}

export function t(key, params = {}) {
    const text = MESSAGES[current][key] ?? MESSAGES.fr[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (match, name) => (params[name] ?? match));
}

/** Fills every [data-i18n] element's text (and [data-i18n-label] aria-labels) in the page. */
export function translatePage(root = document) {
    root.querySelectorAll('[data-i18n]').forEach(element => {
        element.textContent = t(element.dataset.i18n);
    });
    root.querySelectorAll('[data-i18n-label]').forEach(element => {
        element.setAttribute('aria-label', t(element.dataset.i18nLabel));
    });
    document.title = t('app.title');
}

export function number(value, digits = 0) {
    if (value === null || value === undefined) {
        return t('none');
    }
    return new Intl.NumberFormat(current === 'fr' ? 'fr-FR' : 'en-GB', {
        maximumFractionDigits: digits, minimumFractionDigits: digits,
    }).format(value);
}

export function percent(share) {
    if (share === null || share === undefined) {
        return t('none');
    }
    return new Intl.NumberFormat(current === 'fr' ? 'fr-FR' : 'en-GB', {
        style: 'percent', maximumFractionDigits: 1,
    }).format(share);
}

/** Seconds as minutes with one decimal, e.g. "10,8 min". */
export function minutes(seconds) {
    if (seconds === null || seconds === undefined) {
        return t('none');
    }
    return `${number(seconds / 60, 1)} min`;
}

/** Elapsed seconds as "4 min 05 s" or "1 h 12 min". */
export function elapsed(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    if (s >= 3600) {
        return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
    }
    return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** A time of day in the given zone, e.g. "09:42". */
export function clock(iso, timeZone) {
    if (!iso) {
        return t('none');
    }
    return new Intl.DateTimeFormat(current === 'fr' ? 'fr-FR' : 'en-GB', {
        hour: '2-digit', minute: '2-digit', timeZone,
    }).format(new Date(iso));
}

export function dateLabel(isoDate) {
    const [y, m, d] = isoDate.split('-').map(Number);
    return new Intl.DateTimeFormat(current === 'fr' ? 'fr-FR' : 'en-GB', {
        day: 'numeric', month: 'short', timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d || 1)));
}

export function monthLabel(isoMonth) {
    const [y, m] = isoMonth.split('-').map(Number);
    return new Intl.DateTimeFormat(current === 'fr' ? 'fr-FR' : 'en-GB', {
        month: 'short', year: 'numeric', timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, 1)));
}
