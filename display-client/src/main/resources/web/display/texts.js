// What the waiting-room and counter-top screens say, in French, English, Spanish and Occitan ('spoken' is what the
// voice says for a call). The 'setup.*' texts are for whoever installs a screen: French, then English on the same page.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'rating.question': 'Êtes-vous satisfait de votre visite ?', 'rating.thanks': 'Merci pour votre avis !',
    'rating.1': 'Très mécontent', 'rating.2': 'Mécontent', 'rating.3': 'Moyen', 'rating.4': 'Satisfait',
    'rating.5': 'Très satisfait',
    'orientation.title': 'Pour votre demande, adressez-vous à :', 'orientation.address': 'Adresse : {value}',
    'orientation.hours': 'Horaires : {value}', 'orientation.phone': 'Téléphone : {value}',
    'orientation.web': 'Site : {value}', 'orientation.qr': 'QR code du site {web}',
    'newCall': 'Nouvel appel', 'recalled': 'Rappel', 'callEnding': 'Fin de l’appel',
    'ticket': 'Ticket', 'lastCalls': 'Derniers appels', 'waiting': 'En attente', 'noCall': 'Bienvenue',
    'noCallDetail': 'Les appels s’afficheront ici.', 'reconnecting': 'reconnexion…', 'nobody': 'personne n’attend',
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
    'setup.unregistered.pair': 'Le plus simple : un administrateur demande un code d’association pour cet écran '
        + '(POST /api/v1/admin/devices/<identifiant>/pairing) ; ouvrez {pairAddress} sur cet écran et tapez le code.',
    'setup.refused.pair': 'Le plus simple : demandez à un administrateur un code d’association, ouvrez {pairAddress} '
        + 'sur cet écran et tapez le code.',
    'pair.title': 'Guichet – associer cet écran',
    'pair.heading': 'Associer cet écran',
    'pair.intro': 'Tapez le code d’association qu’un administrateur vous a donné. L’écran affichera ensuite sa salle '
        + 'ou son guichet, et s’en souviendra.',
    'pair.label': 'Code d’association',
    'pair.hint': '8 lettres et chiffres, par exemple ABCD-EFGH. Un code sert une seule fois, pendant 10 minutes.',
    'pair.submit': 'Associer',
    'pair.working': 'Association en cours…',
    'pair.done': 'Écran associé. Ouverture de son affichage…',
    'pair.error.malformed': 'Ce code n’a pas la bonne forme : il a 8 lettres et chiffres, par exemple ABCD-EFGH.',
    'pair.error.unknown': 'Ce code n’est pas reconnu. Vérifiez les caractères, ou demandez un nouveau code.',
    'pair.error.used': 'Ce code a déjà servi. Demandez un nouveau code à un administrateur.',
    'pair.error.expired': 'Ce code a expiré (il vaut 10 minutes). Demandez un nouveau code à un administrateur.',
    'pair.error.blocked': 'Ce code a été bloqué après trop d’essais erronés. Demandez un nouveau code à un administrateur.',
    'pair.error.throttled': 'Trop de codes erronés ont été essayés. Attendez une minute, puis réessayez.',
    'pair.error.notScreen': 'Ce code est celui d’une borne, pas d’un écran. Tapez-le sur la borne elle-même.',
    'pair.error.network': 'Le serveur ne répond pas. Vérifiez le réseau, puis réessayez.',
    'pair.error.other': 'L’association n’a pas abouti. Réessayez, ou demandez un nouveau code.',
});

registerTexts('en', {
    'rating.question': 'Were you satisfied with your visit?', 'rating.thanks': 'Thank you for your feedback!',
    'rating.1': 'Very unhappy', 'rating.2': 'Unhappy', 'rating.3': 'So-so', 'rating.4': 'Satisfied',
    'rating.5': 'Very satisfied',
    'orientation.title': 'For your request, please contact:', 'orientation.address': 'Address: {value}',
    'orientation.hours': 'Opening hours: {value}', 'orientation.phone': 'Phone: {value}',
    'orientation.web': 'Website: {value}', 'orientation.qr': 'QR code of the website {web}',
    'newCall': 'New call', 'recalled': 'Called again', 'callEnding': 'Call ending',
    'ticket': 'Ticket', 'lastCalls': 'Last calls', 'waiting': 'Waiting', 'noCall': 'Welcome',
    'noCallDetail': 'Calls will be shown here.', 'reconnecting': 'reconnecting…', 'nobody': 'nobody waiting',
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
    'setup.unregistered.pair': 'The simplest way: an administrator asks for a pairing code for this screen '
        + '(POST /api/v1/admin/devices/<id>/pairing); open {pairAddress} on this screen and type the code.',
    'setup.refused.pair': 'The simplest way: ask an administrator for a pairing code, open {pairAddress} on this '
        + 'screen and type the code.',
    'pair.title': 'Guichet – pair this screen',
    'pair.heading': 'Pair this screen',
    'pair.intro': 'Type the pairing code an administrator gave you. The screen will then show its room or its counter, '
        + 'and remember it.',
    'pair.label': 'Pairing code',
    'pair.hint': '8 letters and digits, such as ABCD-EFGH. A code works once, for 10 minutes.',
    'pair.submit': 'Pair',
    'pair.working': 'Pairing…',
    'pair.done': 'Screen paired. Opening its display…',
    'pair.error.malformed': 'This code does not have the right form: it has 8 letters and digits, such as ABCD-EFGH.',
    'pair.error.unknown': 'This code is not recognised. Check the characters, or ask for a new code.',
    'pair.error.used': 'This code has already been used. Ask an administrator for a new code.',
    'pair.error.expired': 'This code has expired (it lasts 10 minutes). Ask an administrator for a new code.',
    'pair.error.blocked': 'This code was blocked after too many wrong tries. Ask an administrator for a new code.',
    'pair.error.throttled': 'Too many wrong codes were tried. Wait a minute, then try again.',
    'pair.error.notScreen': 'This code belongs to a kiosk, not a screen. Type it on the kiosk itself.',
    'pair.error.network': 'The server does not answer. Check the network, then try again.',
    'pair.error.other': 'Pairing did not succeed. Try again, or ask for a new code.',
});

registerTexts('es', {
    'rating.question': '¿Está satisfecho con su visita?', 'rating.thanks': '¡Gracias por su opinión!',
    'rating.1': 'Muy insatisfecho', 'rating.2': 'Insatisfecho', 'rating.3': 'Regular', 'rating.4': 'Satisfecho',
    'rating.5': 'Muy satisfecho',
    'orientation.title': 'Para su trámite, diríjase a:', 'orientation.address': 'Dirección: {value}',
    'orientation.hours': 'Horario: {value}', 'orientation.phone': 'Teléfono: {value}',
    'orientation.web': 'Sitio web: {value}', 'orientation.qr': 'Código QR del sitio {web}',
    'newCall': 'Nueva llamada', 'recalled': 'Llamada de nuevo', 'callEnding': 'Fin de la llamada',
    'ticket': 'Número', 'lastCalls': 'Últimas llamadas', 'waiting': 'En espera', 'noCall': 'Bienvenido',
    'noCallDetail': 'Las llamadas aparecerán aquí.', 'reconnecting': 'reconectando…', 'nobody': 'nadie espera',
    'people': { one: '{count} persona', other: '{count} personas' },
    'free': 'Libre', 'closed': 'Cerrado', 'paused': 'En pausa',
    'spoken': 'Número {number}, {counter}', 'spoken.noCounter': 'Número {number}',
});

registerTexts('oc', {
    'rating.question': 'Sètz satisfach de vòstra visita ?', 'rating.thanks': 'Mercé per vòstre avís !',
    'rating.1': 'Fòrça malcontent', 'rating.2': 'Malcontent', 'rating.3': 'Mejan', 'rating.4': 'Satisfach',
    'rating.5': 'Fòrça satisfach',
    'orientation.title': 'Per vòstra demanda, adreçatz-vos a :', 'orientation.address': 'Adreça : {value}',
    'orientation.hours': 'Oraris : {value}', 'orientation.phone': 'Telefòn : {value}',
    'orientation.web': 'Site : {value}', 'orientation.qr': 'Còdi QR del site {web}',
    'newCall': 'Apèl novèl', 'recalled': 'Rapèl', 'callEnding': 'Fin de l’apèl',
    'ticket': 'Tiquet', 'lastCalls': 'Darrièrs apèls', 'waiting': 'En espèra', 'noCall': 'Benvenguda',
    'noCallDetail': 'Los apèls s’afichan aicí.', 'reconnecting': 'reconnexion…', 'nobody': 'degun espèra',
    'people': { one: '{count} persona', other: '{count} personas' },
    'free': 'Liure', 'closed': 'Barrat', 'paused': 'En pausa',
    'spoken': 'Tiquet {number}, {counter}', 'spoken.noCounter': 'Tiquet {number}',
});
