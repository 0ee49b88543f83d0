// What the waiting-room and counter-top screens say, in French, English, Spanish and Occitan ('spoken' is what the
// voice says for a call). The 'setup.*' texts are for whoever installs a screen: French, then English on the same page.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'ticket': 'Ticket', 'lastCalls': 'Derniers appels', 'waiting': 'En attente', 'noCall': 'Bienvenue',
    'noCallDetail': 'Les appels s’afficheront ici.', 'reconnecting': 'reconnexion…', 'nobody': 'personne',
    'people': { one: '{count} personne', other: '{count} personnes' },
    'free': 'Libre', 'closed': 'Fermé', 'paused': 'En pause',
    'spoken': 'Ticket {number}, {counter}', 'spoken.noCounter': 'Ticket {number}',
    'setup.unregistered.title': 'Cet écran n’est pas encore enregistré',
    'setup.unregistered.declare': 'Un administrateur déclare l’écran et lui donne un jeton : '
        + 'PUT /api/v1/admin/deployment (ou POST /api/v1/admin/devices/<identifiant>/token pour un écran déjà déclaré).',
    'setup.unregistered.open': 'Ouvrez ensuite une seule fois {address}?token=<jeton> sur cet écran ; il s’en souviendra.',
    'setup.refused.title': 'Le jeton de cet écran est inconnu ou a été révoqué',
    'setup.refused.ask': 'Demandez à un administrateur un nouveau jeton (POST /api/v1/admin/devices/<identifiant>/token), '
        + 'puis ouvrez {address}?token=<jeton> sur cet écran.',
    'setup.notRoom.title': 'Ce jeton n’est pas celui d’un écran de salle d’attente',
    'setup.notRoom.other': 'Pour l’écran au-dessus d’un guichet, ouvrez {address}.',
    'setup.notRoom.ask': 'Demandez à un administrateur le jeton de l’écran de cette salle.',
    'setup.notCounter.title': 'Ce jeton n’est pas celui d’un écran de guichet',
    'setup.notCounter.other': 'Pour l’écran de la salle d’attente, ouvrez {address}.',
    'setup.notCounter.ask': 'Demandez à un administrateur le jeton de l’écran de ce guichet.',
});

registerTexts('en', {
    'ticket': 'Ticket', 'lastCalls': 'Last calls', 'waiting': 'Waiting', 'noCall': 'Welcome',
    'noCallDetail': 'Calls will be shown here.', 'reconnecting': 'reconnecting…', 'nobody': 'nobody',
    'people': { one: '{count} person', other: '{count} people' },
    'free': 'Free', 'closed': 'Closed', 'paused': 'Paused',
    'spoken': 'Ticket {number}, {counter}', 'spoken.noCounter': 'Ticket {number}',
    'setup.unregistered.title': 'This screen is not registered yet',
    'setup.unregistered.declare': 'An administrator declares the screen and gives it a token: '
        + 'PUT /api/v1/admin/deployment (or POST /api/v1/admin/devices/<id>/token for a screen already declared).',
    'setup.unregistered.open': 'Then open {address}?token=<token> once on this screen; it will remember it.',
    'setup.refused.title': 'This screen’s token is unknown or was revoked',
    'setup.refused.ask': 'Ask an administrator for a new token (POST /api/v1/admin/devices/<id>/token), '
        + 'then open {address}?token=<token> on this screen.',
    'setup.notRoom.title': 'This token does not belong to a waiting-room screen',
    'setup.notRoom.other': 'For the screen above a counter, open {address}.',
    'setup.notRoom.ask': 'Ask an administrator for the token of this room’s screen.',
    'setup.notCounter.title': 'This token does not belong to a counter-top screen',
    'setup.notCounter.other': 'For the waiting-room screen, open {address}.',
    'setup.notCounter.ask': 'Ask an administrator for the token of this counter’s screen.',
});

registerTexts('es', {
    'ticket': 'Número', 'lastCalls': 'Últimas llamadas', 'waiting': 'En espera', 'noCall': 'Bienvenido',
    'noCallDetail': 'Las llamadas aparecerán aquí.', 'reconnecting': 'reconectando…', 'nobody': 'nadie',
    'people': { one: '{count} persona', other: '{count} personas' },
    'free': 'Libre', 'closed': 'Cerrado', 'paused': 'En pausa',
    'spoken': 'Número {number}, {counter}', 'spoken.noCounter': 'Número {number}',
});

registerTexts('oc', {
    'ticket': 'Tiquet', 'lastCalls': 'Darrièrs apèls', 'waiting': 'En espèra', 'noCall': 'Benvenguda',
    'noCallDetail': 'Los apèls s’afichan aicí.', 'reconnecting': 'reconnexion…', 'nobody': 'degun',
    'people': { one: '{count} persona', other: '{count} personas' },
    'free': 'Liure', 'closed': 'Barrat', 'paused': 'En pausa',
    'spoken': 'Tiquet {number}, {counter}', 'spoken.noCounter': 'Tiquet {number}',
});
