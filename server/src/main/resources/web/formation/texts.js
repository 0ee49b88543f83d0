// The training kiosk's texts: what a visitor reads at a kiosk, in French, English, Spanish and Occitan.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'kiosk.title': 'Borne de formation',
    'kiosk.mark': 'Formation : ces tickets ne sont pas réels.',
    'kiosk.choose': 'Touchez le motif de votre visite',
    'kiosk.back': 'Retour',
    'kiosk.priority': 'Accès prioritaire (mobilité réduite, handicap, grossesse)',
    'kiosk.take': 'Prenez votre ticket',
    'kiosk.ahead': { zero: 'Personne n’attend avant vous.', one: '1 personne avant vous.', other: '{count} personnes avant vous.' },
    'kiosk.where': 'Attendez en salle « {room} » et regardez l’écran.',
    'kiosk.done': 'Terminer',
    'kiosk.wait': 'Un instant…',
    'kiosk.noSession': 'Ouvrez cette borne depuis l’onglet Formation de la supervision ou depuis la tablette en mode formation.',
    'kiosk.failed': 'Le ticket n’a pas pu être donné : {reason}',
    'kiosk.notCopy': 'Cette page ne sert qu’aux copies de formation.',
});

registerTexts('en', {
    'kiosk.title': 'Training kiosk',
    'kiosk.mark': 'Training: these tickets are not real.',
    'kiosk.choose': 'Touch the reason for your visit',
    'kiosk.back': 'Back',
    'kiosk.priority': 'Priority access (reduced mobility, disability, pregnancy)',
    'kiosk.take': 'Take your ticket',
    'kiosk.ahead': { zero: 'Nobody is waiting before you.', one: '1 person before you.', other: '{count} people before you.' },
    'kiosk.where': 'Wait in the room “{room}” and watch the screen.',
    'kiosk.done': 'Finish',
    'kiosk.wait': 'One moment…',
    'kiosk.noSession': 'Open this kiosk from the Training tab of the supervision or from the tablet in training mode.',
    'kiosk.failed': 'No ticket could be given: {reason}',
    'kiosk.notCopy': 'This page only serves training copies.',
});

registerTexts('es', {
    'kiosk.title': 'Terminal de formación',
    'kiosk.mark': 'Formación: estos tiques no son reales.',
    'kiosk.choose': 'Toque el motivo de su visita',
    'kiosk.back': 'Volver',
    'kiosk.priority': 'Acceso prioritario (movilidad reducida, discapacidad, embarazo)',
    'kiosk.take': 'Tome su tique',
    'kiosk.ahead': { zero: 'Nadie espera antes que usted.', one: '1 persona antes que usted.', other: '{count} personas antes que usted.' },
    'kiosk.where': 'Espere en la sala «{room}» y mire la pantalla.',
    'kiosk.done': 'Terminar',
    'kiosk.wait': 'Un momento…',
    'kiosk.noSession': 'Abra este terminal desde la pestaña Formación de la supervisión o desde la tableta en modo formación.',
    'kiosk.failed': 'No se ha podido dar el tique: {reason}',
    'kiosk.notCopy': 'Esta página solo sirve para las copias de formación.',
});

registerTexts('oc', {
    'kiosk.title': 'Bòrna de formacion',
    'kiosk.mark': 'Formacion : aquestes tiquets son pas vertadièrs.',
    'kiosk.choose': 'Tocatz la rason de vòstra visita',
    'kiosk.back': 'Tornar',
    'kiosk.priority': 'Accès prioritari (mobilitat reducha, handicap, gròssesa)',
    'kiosk.take': 'Prenètz vòstre tiquet',
    'kiosk.ahead': { zero: 'Degun espèra pas abans vos.', one: '1 persona abans vos.', other: '{count} personas abans vos.' },
    'kiosk.where': 'Esperatz dins la sala « {room} » e agachatz l’ecran.',
    'kiosk.done': 'Acabar',
    'kiosk.wait': 'Un moment…',
    'kiosk.noSession': 'Dobrissètz aquesta bòrna dempuèi l’onglet Formacion de la supervision o dempuèi la tauleta en mòde formacion.',
    'kiosk.failed': 'Lo tiquet a pas pogut èsser balhat : {reason}',
    'kiosk.notCopy': 'Aquesta pagina servís pas que per las còpias de formacion.',
});
