// The phone page's texts, in French, English, Spanish and Occitan.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'phone.sms': 'Recevoir un SMS quand mon tour approche (facultatif) : numéro de portable',
    'phone.smsPrivacy': 'Le numéro est chiffré et effacé dès l’envoi du SMS.',
    'phone.badNumber': 'Ce numéro de portable n’est pas valide : par exemple 06 12 34 56 78, ou +34 612 345 678. Laissez le champ vide pour ne pas recevoir de SMS.',
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
    'phone.sms': 'Get a text message when my turn is near (optional): mobile number',
    'phone.smsPrivacy': 'The number is encrypted and erased as soon as the text is sent.',
    'phone.badNumber': 'This mobile number is not valid: for example 06 12 34 56 78, or +34 612 345 678. Leave the field empty for no text message.',
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
    'phone.sms': 'Recibir un SMS cuando se acerque mi turno (opcional): número de móvil',
    'phone.smsPrivacy': 'El número se cifra y se borra en cuanto se envía el SMS.',
    'phone.badNumber': 'Este número de móvil no es válido: por ejemplo 06 12 34 56 78, o +34 612 345 678. Deje el campo vacío para no recibir SMS.',
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
    'phone.sms': 'Recebre un SMS quand mon torn s’apròcha (facultatiu) : numèro de portable',
    'phone.smsPrivacy': 'Lo numèro es chifrat e escafat tre que lo SMS es mandat.',
    'phone.badNumber': 'Aqueste numèro de portable es pas valid : per exemple 06 12 34 56 78, o +34 612 345 678. Daissatz lo camp void per recebre pas de SMS.',
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
