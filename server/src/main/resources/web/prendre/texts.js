// The phone page's texts, in French, English, Spanish and Occitan.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'phone.title': 'Prendre un ticket',
    'phone.choose': 'Quel est le motif de votre visite ?',
    'phone.priority': 'Accès prioritaire (mobilité réduite, handicap, grossesse)',
    'phone.hint': 'Votre ticket s’affiche sur ce téléphone : gardez la page ouverte, elle vous prévient quand votre tour approche.',
    'phone.mine': 'Voir mon ticket',
    'phone.taking': 'Un instant…',
    'phone.closed': 'Ce site ne donne pas de ticket en ce moment.',
    'phone.reopens': 'Ce site ne donne pas de ticket en ce moment. Réouverture le {day} à {time}.',
    'phone.tooMany': 'Trop de tickets ont été pris depuis ce réseau. Réessayez dans quelques minutes, ou prenez un ticket à la borne.',
    'phone.unknown': 'Cette adresse ne correspond à aucun site.',
    'phone.failed': 'Le ticket n’a pas pu être pris. Réessayez, ou prenez un ticket à la borne.',
});

registerTexts('en', {
    'phone.title': 'Take a ticket',
    'phone.choose': 'What is your visit about?',
    'phone.priority': 'Priority access (reduced mobility, disability, pregnancy)',
    'phone.hint': 'Your ticket shows on this phone: keep the page open, it warns you when your turn is near.',
    'phone.mine': 'See my ticket',
    'phone.taking': 'One moment…',
    'phone.closed': 'This site issues no ticket at the moment.',
    'phone.reopens': 'This site issues no ticket at the moment. It opens again on {day} at {time}.',
    'phone.tooMany': 'Too many tickets were taken from this network. Try again in a few minutes, or take a ticket at the kiosk.',
    'phone.unknown': 'This address matches no site.',
    'phone.failed': 'The ticket could not be taken. Try again, or take a ticket at the kiosk.',
});

registerTexts('es', {
    'phone.title': 'Sacar un tique',
    'phone.choose': '¿Cuál es el motivo de su visita?',
    'phone.priority': 'Acceso prioritario (movilidad reducida, discapacidad, embarazo)',
    'phone.hint': 'Su tique aparece en este teléfono: mantenga la página abierta, le avisará cuando se acerque su turno.',
    'phone.mine': 'Ver mi tique',
    'phone.taking': 'Un momento…',
    'phone.closed': 'Este centro no da tiques en este momento.',
    'phone.reopens': 'Este centro no da tiques en este momento. Vuelve a abrir el {day} a las {time}.',
    'phone.tooMany': 'Se han sacado demasiados tiques desde esta red. Vuelva a intentarlo en unos minutos, o saque un tique en el terminal.',
    'phone.unknown': 'Esta dirección no corresponde a ningún centro.',
    'phone.failed': 'No se ha podido sacar el tique. Vuelva a intentarlo, o saque un tique en el terminal.',
});

registerTexts('oc', {
    'phone.title': 'Prendre un tiquet',
    'phone.choose': 'Quina es la rason de vòstra visita ?',
    'phone.priority': 'Accès prioritari (mobilitat reducha, handicap, gròssesa)',
    'phone.hint': 'Vòstre tiquet s’aficha sus aqueste telefòn : gardatz la pagina dobèrta, vos avisarà quand vòstre torn s’apròcha.',
    'phone.mine': 'Veire mon tiquet',
    'phone.taking': 'Un moment…',
    'phone.closed': 'Aqueste site balha pas de tiquet en aqueste moment.',
    'phone.reopens': 'Aqueste site balha pas de tiquet en aqueste moment. Tòrna dobrir lo {day} a {time}.',
    'phone.tooMany': 'Tròp de tiquets son estats preses dempuèi aqueste ret. Ensajatz tornarmai d’aquí unas minutas, o prenètz un tiquet a la bòrna.',
    'phone.unknown': 'Aquesta adreça correspond a cap de site.',
    'phone.failed': 'Lo tiquet a pas pogut èsser pres. Ensajatz tornarmai, o prenètz un tiquet a la bòrna.',
});
