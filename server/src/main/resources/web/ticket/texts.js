// What a visitor reads on their ticket page, in French, English, Spanish and Occitan.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'page.title': 'Votre ticket – Guichet',
    'waiting': { zero: 'Vous êtes le prochain.', one: '{count} personne avant vous.', other: '{count} personnes avant vous.' },
    'waiting.detail': 'Gardez cette page ouverte : elle se met à jour toute seule.',
    'called': 'Présentez-vous au {counter}.',
    'serving': 'Vous êtes reçu.',
    'done': 'Votre visite est terminée. Merci.',
    'noShow': 'Vous avez été appelé mais ne vous êtes pas présenté. Adressez-vous à l’accueil.',
    'cancelled': 'Ce ticket a été annulé.',
    'unknown': 'Ce ticket est introuvable. Vérifiez l’adresse ou adressez-vous à l’accueil.',
    'offline': 'Connexion perdue, nouvel essai en cours…',
    'expired': 'Ce ticket n’est plus suivi : son lien ne vaut que le jour de sa '
        + 'délivrance. Pour une nouvelle visite, prenez un nouveau ticket à la borne.',
    'privacy': 'Données personnelles',
});

registerTexts('en', {
    'page.title': 'Your ticket – Guichet',
    'waiting': { zero: 'You are next.', one: '{count} person ahead of you.', other: '{count} people ahead of you.' },
    'waiting.detail': 'Keep this page open: it updates by itself.',
    'called': 'Please go to {counter}.',
    'serving': 'You are being served.',
    'done': 'Your visit is over. Thank you.',
    'noShow': 'You were called but did not come. Please ask at the reception desk.',
    'cancelled': 'This ticket was cancelled.',
    'unknown': 'This ticket cannot be found. Check the address or ask at the reception desk.',
    'offline': 'Connection lost, trying again…',
    'expired': 'This ticket is no longer followed: its link only works on the day it was '
        + 'issued. For a new visit, take a new ticket at the kiosk.',
    'privacy': 'Personal data',
});

registerTexts('es', {
    'page.title': 'Su número – Guichet',
    'waiting': { zero: 'Es usted el siguiente.', one: '{count} persona delante de usted.',
        other: '{count} personas delante de usted.' },
    'waiting.detail': 'Mantenga esta página abierta: se actualiza sola.',
    'called': 'Diríjase a {counter}.',
    'serving': 'Está siendo atendido.',
    'done': 'Su visita ha terminado. Gracias.',
    'noShow': 'Fue llamado pero no se presentó. Diríjase a la recepción.',
    'cancelled': 'Este número ha sido anulado.',
    'unknown': 'No se encuentra este número. Compruebe la dirección o diríjase a la recepción.',
    'offline': 'Conexión perdida, reintentando…',
    'expired': 'Este número ya no se sigue: su enlace solo vale el día en que se emitió. '
        + 'Para una nueva visita, saque un número nuevo en el terminal.',
    'privacy': 'Datos personales',
});

registerTexts('oc', {
    'page.title': 'Vòstre tiquet – Guichet',
    'waiting': { zero: 'Sètz lo seguent.', one: '{count} persona davant vos.', other: '{count} personas davant vos.' },
    'waiting.detail': 'Gardatz aquesta pagina dobèrta : se met a jorn tota sola.',
    'called': 'Presentatz-vos al {counter}.',
    'serving': 'Sètz recebut.',
    'done': 'Vòstra visita es acabada. Mercé.',
    'noShow': 'Sètz estat apelat mas vos sètz pas presentat. Adreçatz-vos a l’acuèlh.',
    'cancelled': 'Aqueste tiquet es estat anullat.',
    'unknown': 'Aqueste tiquet es introbable. Adreçatz-vos a l’acuèlh.',
    'offline': 'Connexion perduda, novèl ensag…',
    'expired': 'Aqueste tiquet es pas mai seguit : son ligam val sonque lo jorn que foguèt '
        + 'donat. Per una visita novèla, prenètz un tiquet nòu a la bòrna.',
    'privacy': 'Donadas personalas',
});
