// What the public pages say (page not found, accessibility statement, privacy notice), in French, English, Spanish
// and Occitan.
// The statement follows the RGAA's model: commitment, conformance state, test results, what is not accessible,
// how it was established, contact, and the recourse to the Défenseur des droits.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'lang.label': 'Langue',
    'home': 'Accueil de Guichet',
    'notFound.title': 'Page introuvable',
    'notFound.text': 'Aucune page ne se trouve à cette adresse. Vérifiez-la, ou repartez de l’accueil.',
    'notFound.ticket': 'Pour suivre votre ticket, scannez de nouveau le code imprimé dessus.',
    'statement.title': 'Déclaration d’accessibilité',
    'statement.someone': 'L’organisme qui exploite ce service',
    'statement.commitment': '{organisation} s’engage à rendre ses services numériques accessibles, conformément à '
        + 'l’article 47 de la loi n° 2005-102 du 11 février 2005.',
    'statement.plan': 'Schéma pluriannuel de mise en accessibilité',
    'statement.scope': 'Cette déclaration s’applique à Guichet, le service de gestion de l’accueil : la page de suivi '
        + 'du ticket, les bornes, les écrans des salles d’attente et les applications des agents.',
    'statement.conformance': 'État de conformité',
    'statement.state.TOTAL': 'Guichet est totalement conforme au référentiel général d’amélioration de '
        + 'l’accessibilité (RGAA), version 4.1.',
    'statement.state.PARTIAL': 'Guichet est partiellement conforme au référentiel général d’amélioration de '
        + 'l’accessibilité (RGAA), version 4.1.',
    'statement.state.NONE': 'Guichet est non conforme au référentiel général d’amélioration de l’accessibilité '
        + '(RGAA), version 4.1.',
    'statement.noAudit': 'Aucun audit de conformité en cours de validité n’a encore été réalisé : c’est pourquoi le '
        + 'service est déclaré non conforme.',
    'statement.results': 'Résultats des tests',
    'statement.audit': 'L’audit du {date} montre que {percent} % des critères du RGAA sont respectés.',
    'statement.auditBy': 'L’audit réalisé le {date} par {auditor} montre que {percent} % des critères du RGAA sont '
        + 'respectés.',
    'statement.automated': 'À chaque version, des tests automatiques vérifient chaque page et chaque état des '
        + 'applications avec axe-core (règles WCAG 2.1, niveaux A et AA) dans le navigateur Chromium ; aucune erreur '
        + 'n’est admise. Ces tests ne couvrent qu’une partie des critères et ne remplacent pas un audit.',
    'statement.inaccessible': 'Contenus non accessibles',
    'statement.nonCompliances': 'Non-conformités',
    'statement.nonCompliances.none': 'Aucune non-conformité n’a été relevée par l’audit.',
    'statement.nonCompliances.unknown': 'Non évaluées : aucun audit n’a encore été réalisé.',
    'statement.derogations': 'Dérogations pour charge disproportionnée',
    'statement.derogations.none': 'Aucune.',
    'statement.alternatives': 'Ce qui est prévu pour chacun',
    'statement.alternatives.text': 'Les agents d’accueil peuvent remettre un ticket et appeler chaque personne de vive '
        + 'voix. La borne a un mode accessible, à portée d’une personne assise : grands caractères très contrastés, '
        + 'guidage vocal dans la langue choisie, boutons physiques et ticket en gros caractères. Chaque appel affiché '
        + 'sur les écrans de la salle d’attente est aussi annoncé à voix haute ; les écrans peuvent garder chaque appel '
        + 'plus longtemps, en clignotant, pour les personnes sourdes ou malentendantes. La page de suivi du ticket '
        + 'indique le guichet où se présenter.',
    'statement.established': 'Établissement de cette déclaration',
    'statement.date': 'Cette déclaration a été établie le {date}.',
    'statement.technologies': 'Technologies utilisées : HTML, CSS, JavaScript, WAI-ARIA.',
    'statement.tools': 'Vérifications : axe-core dans Chromium, navigation au clavier.',
    'statement.contact': 'Retour d’information et contact',
    'statement.contact.text': 'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez '
        + '{organisation} : vous serez orienté vers une solution accessible ou recevrez le contenu sous une autre '
        + 'forme.',
    'statement.contact.desk': 'Si vous n’arrivez pas à accéder à un contenu ou à un service, adressez-vous à l’accueil '
        + 'du site : un agent vous aidera.',
    'statement.contact.email': 'Courriel : ',
    'statement.contact.address': 'Adresse : ',
    'statement.contact.form': 'Formulaire de contact',
    'statement.recourse': 'Voies de recours',
    'statement.recourse.text': 'Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un '
        + 'contenu ou à un service, et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le '
        + 'Défenseur des droits :',
    'statement.recourse.form': 'écrire au Défenseur des droits par son formulaire en ligne',
    'statement.recourse.delegate': 'rencontrer le délégué du Défenseur des droits de votre région',
    'statement.recourse.phone': 'appeler le 09 69 39 00 00',
    'statement.recourse.mail': 'écrire par la poste, gratuitement et sans timbre : Défenseur des droits, Libre réponse '
        + '71120, 75342 Paris CEDEX 07',
    'privacy.title': 'Données personnelles',
    'privacy.someone': 'L’organisme qui exploite ce service',
    'privacy.controller': '{controller} est responsable des données que Guichet, son service de gestion de l’accueil, '
        + 'enregistre quand vous prenez un ticket. Cette page dit lesquelles, pourquoi, pour combien de temps et '
        + 'comment exercer vos droits.',
    'privacy.what': 'Ce qui est enregistré',
    'privacy.what.text': 'Votre ticket ne porte pas votre nom. Il enregistre son numéro, le service choisi, la '
        + 'langue, la priorité si vous l’avez demandée (mobilité réduite, handicap, grossesse ; ce n’est pas '
        + 'vérifié), les heures d’arrivée, d’appel et de fin, le guichet et l’agent qui vous a reçu.',
    'privacy.what.note': 'Si vous êtes orienté vers un autre service, l’agent peut écrire une courte note pour son '
        + 'collègue, et noter la suite donnée à votre visite. Ces notes ne s’affichent jamais sur les écrans de la '
        + 'salle d’attente ni sur votre page de suivi.',
    'privacy.what.phone': 'Si vous demandez à être rappelé, ou un SMS quand votre tour approche, votre numéro de téléphone est enregistré chiffré, vu du seul agent qui vous rappelle (ou transmis au seul prestataire qui envoie le SMS), puis effacé dès que le rappel est fait ou le SMS envoyé, et au plus tard 7 jours après le créneau demandé.',
    'privacy.what.appointment': 'Si vous prenez rendez-vous, le rendez-vous (service, jour, heure, son code) est enregistré sans compte ; votre nom, seulement si vous le donnez, n’est vu que des agents du site et est effacé le lendemain.',
    'privacy.why': 'Pourquoi',
    'privacy.why.text': 'Pour vous appeler à votre tour, vous orienter vers le bon guichet, et mesurer les temps '
        + 'd’attente afin d’améliorer l’accueil.',
    'privacy.why.basis': 'Ce traitement est nécessaire à la mission de service public de l’organisme (article 6.1.e '
        + 'du règlement général sur la protection des données).',
    'privacy.howLong': 'Combien de temps',
    'privacy.howLong.link': 'Le lien de suivi imprimé sur votre ticket ne fonctionne que le jour même.',
    'privacy.howLong.notes': 'Les notes des agents sont effacées au bout de {days} jours.',
    'privacy.howLong.pseudonymised': 'Au bout de {days} jours, plus rien ne relie le ticket à vous ni à l’agent.',
    'privacy.howLong.deleted': 'Au bout de {months} mois, le ticket est supprimé : il ne reste que des statistiques '
        + 'par site et par jour.',
    'privacy.who': 'Qui y a accès',
    'privacy.who.text': 'Les agents d’accueil du site et leurs responsables. Les écrans de la salle d’attente '
        + 'n’affichent que le numéro et le guichet. Les données ne sont ni vendues ni transmises à d’autres '
        + 'organismes, et ces pages n’utilisent aucun outil de mesure d’audience.',
    'privacy.rights': 'Vos droits',
    'privacy.rights.text': 'Vous pouvez demander à consulter les données de votre ticket, à les faire corriger ou '
        + 'effacer, ou vous opposer à leur traitement.',
    'privacy.contact.dpo': 'Adressez-vous au délégué à la protection des données :',
    'privacy.contact.desk': 'Adressez-vous à l’accueil du site : un agent transmettra votre demande au délégué à la '
        + 'protection des données.',
    'privacy.contact.email': 'Courriel : ',
    'privacy.contact.address': 'Adresse : ',
    'privacy.contact.form': 'Formulaire de demande',
    'privacy.rights.ticket': 'Comme le ticket ne porte pas votre nom, indiquez son numéro, le site et le jour de '
        + 'votre visite.',
    'privacy.rights.cnil': 'Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une '
        + 'réclamation à la CNIL :',
    'privacy.rights.cnilLink': 'www.cnil.fr/fr/plaintes',
});

registerTexts('en', {
    'lang.label': 'Language',
    'home': 'Guichet home page',
    'notFound.title': 'Page not found',
    'notFound.text': 'There is no page at this address. Check it, or start again from the home page.',
    'notFound.ticket': 'To follow your ticket, scan the code printed on it again.',
    'statement.title': 'Accessibility statement',
    'statement.someone': 'The organisation running this service',
    'statement.commitment': '{organisation} is committed to making its digital services accessible, in accordance '
        + 'with article 47 of French law no. 2005-102 of 11 February 2005.',
    'statement.plan': 'Multi-year accessibility plan',
    'statement.scope': 'This statement applies to Guichet, the reception management service: the ticket follow-up '
        + 'page, the kiosks, the waiting-room screens and the agents’ apps.',
    'statement.conformance': 'Compliance status',
    'statement.state.TOTAL': 'Guichet is fully compliant with the French accessibility standard (RGAA), version 4.1.',
    'statement.state.PARTIAL': 'Guichet is partially compliant with the French accessibility standard (RGAA), '
        + 'version 4.1.',
    'statement.state.NONE': 'Guichet is not compliant with the French accessibility standard (RGAA), version 4.1.',
    'statement.noAudit': 'No valid compliance audit has been carried out yet: this is why the service is declared not '
        + 'compliant.',
    'statement.results': 'Test results',
    'statement.audit': 'The audit of {date} shows that {percent} % of the RGAA criteria are met.',
    'statement.auditBy': 'The audit carried out on {date} by {auditor} shows that {percent} % of the RGAA criteria '
        + 'are met.',
    'statement.automated': 'With every release, automated tests check every page and every state of the apps with '
        + 'axe-core (WCAG 2.1 rules, levels A and AA) in the Chromium browser; no error is allowed. These tests cover '
        + 'only part of the criteria and do not replace an audit.',
    'statement.inaccessible': 'Non-accessible content',
    'statement.nonCompliances': 'Non-compliance',
    'statement.nonCompliances.none': 'The audit found no non-compliance.',
    'statement.nonCompliances.unknown': 'Not assessed: no audit has been carried out yet.',
    'statement.derogations': 'Exemptions for disproportionate burden',
    'statement.derogations.none': 'None.',
    'statement.alternatives': 'What is provided for everyone',
    'statement.alternatives.text': 'Reception agents can hand out a ticket and call each person aloud. The kiosk has '
        + 'an accessible mode within reach of a seated person: large high-contrast text, spoken guidance in the chosen '
        + 'language, physical buttons and a large-print ticket. Every call shown on the waiting-room screens is also '
        + 'announced aloud; screens can keep each call longer, flashing, for deaf and hard-of-hearing visitors. The '
        + 'ticket follow-up page says which counter to go to.',
    'statement.established': 'How this statement was drawn up',
    'statement.date': 'This statement was drawn up on {date}.',
    'statement.technologies': 'Technologies used: HTML, CSS, JavaScript, WAI-ARIA.',
    'statement.tools': 'Checks: axe-core in Chromium, keyboard navigation.',
    'statement.contact': 'Feedback and contact',
    'statement.contact.text': 'If you cannot access some content or a service, contact {organisation}: you will be '
        + 'directed to an accessible alternative or given the content in another form.',
    'statement.contact.desk': 'If you cannot access some content or a service, ask at the site’s reception desk: an '
        + 'agent will help you.',
    'statement.contact.email': 'E-mail: ',
    'statement.contact.address': 'Address: ',
    'statement.contact.form': 'Contact form',
    'statement.recourse': 'Appeals',
    'statement.recourse.text': 'If you reported an accessibility problem that prevents you from accessing some '
        + 'content or a service and did not get a satisfactory answer, you can refer the matter to the Défenseur des '
        + 'droits (the French rights ombudsman):',
    'statement.recourse.form': 'write to the Défenseur des droits through its online form',
    'statement.recourse.delegate': 'meet the Défenseur des droits’ delegate in your region',
    'statement.recourse.phone': 'call 09 69 39 00 00',
    'statement.recourse.mail': 'write by post, free of charge and without a stamp: Défenseur des droits, Libre '
        + 'réponse 71120, 75342 Paris CEDEX 07',
    'privacy.title': 'Personal data',
    'privacy.someone': 'The organisation running this service',
    'privacy.controller': '{controller} is responsible for the data that Guichet, its reception management service, '
        + 'records when you take a ticket. This page says which data, why, for how long, and how to exercise your '
        + 'rights.',
    'privacy.what': 'What is recorded',
    'privacy.what.text': 'Your ticket does not carry your name. It records its number, the service chosen, the '
        + 'language, the priority if you asked for it (reduced mobility, disability, pregnancy; it is not checked), '
        + 'the times you arrived, were called and left, and the counter and agent who saw you.',
    'privacy.what.note': 'If you are sent to another service, the agent may write a short note for their colleague, '
        + 'and note what came of your visit. These notes are never shown on the waiting-room screens nor on your '
        + 'ticket page.',
    'privacy.what.phone': 'If you ask to be called back, or for a text message when your turn is near, your phone number is stored encrypted, seen only by the agent who calls you back (or passed only to the provider that sends the text), then erased as soon as you have been called or the text sent, and 7 days after the time you asked for at the latest.',
    'privacy.what.appointment': 'If you book an appointment, it is recorded without an account (service, day, time, its code); your name, only if you give it, is seen only by the site’s agents and is erased the next day.',
    'privacy.why': 'Why',
    'privacy.why.text': 'To call you in turn, send you to the right counter, and measure waiting times so as to '
        + 'improve the reception.',
    'privacy.why.basis': 'This processing is necessary for the organisation’s public-service mission (article 6(1)(e) '
        + 'of the General Data Protection Regulation).',
    'privacy.howLong': 'For how long',
    'privacy.howLong.link': 'The link printed on your ticket works on the day only.',
    'privacy.howLong.notes': 'Agents’ notes are erased after {days} days.',
    'privacy.howLong.pseudonymised': 'After {days} days, nothing links the ticket to you or to the agent any more.',
    'privacy.howLong.deleted': 'After {months} months, the ticket is deleted: only statistics per site and per day '
        + 'remain.',
    'privacy.who': 'Who can see it',
    'privacy.who.text': 'The site’s reception agents and their managers. The waiting-room screens show only the '
        + 'number and the counter. The data is neither sold nor passed on to other organisations, and these pages use '
        + 'no audience measurement tool.',
    'privacy.rights': 'Your rights',
    'privacy.rights.text': 'You may ask to see your ticket’s data, to have it corrected or erased, or object to its '
        + 'processing.',
    'privacy.contact.dpo': 'Write to the data protection officer:',
    'privacy.contact.desk': 'Ask at the site’s reception desk: an agent will pass your request to the data protection '
        + 'officer.',
    'privacy.contact.email': 'E-mail: ',
    'privacy.contact.address': 'Address: ',
    'privacy.contact.form': 'Request form',
    'privacy.rights.ticket': 'As the ticket does not carry your name, give its number, the site and the day of your '
        + 'visit.',
    'privacy.rights.cnil': 'If you think your rights are not respected, you may complain to the CNIL, the French data '
        + 'protection authority:',
    'privacy.rights.cnilLink': 'www.cnil.fr/fr/plaintes',
});

registerTexts('es', {
    'lang.label': 'Idioma',
    'home': 'Página de inicio de Guichet',
    'notFound.title': 'Página no encontrada',
    'notFound.text': 'No hay ninguna página en esta dirección. Compruébela o vuelva a la página de inicio.',
    'notFound.ticket': 'Para seguir su número, vuelva a escanear el código impreso en él.',
    'statement.title': 'Declaración de accesibilidad',
    'statement.someone': 'El organismo que gestiona este servicio',
    'statement.commitment': '{organisation} se compromete a que sus servicios digitales sean accesibles, conforme al '
        + 'artículo 47 de la ley francesa n.º 2005-102 de 11 de febrero de 2005.',
    'statement.plan': 'Plan plurianual de accesibilidad',
    'statement.scope': 'Esta declaración se aplica a Guichet, el servicio de gestión de la atención al público: la '
        + 'página de seguimiento del número, los terminales, las pantallas de las salas de espera y las aplicaciones '
        + 'de los agentes.',
    'statement.conformance': 'Estado de conformidad',
    'statement.state.TOTAL': 'Guichet es totalmente conforme con la norma francesa de accesibilidad (RGAA), versión '
        + '4.1.',
    'statement.state.PARTIAL': 'Guichet es parcialmente conforme con la norma francesa de accesibilidad (RGAA), '
        + 'versión 4.1.',
    'statement.state.NONE': 'Guichet no es conforme con la norma francesa de accesibilidad (RGAA), versión 4.1.',
    'statement.noAudit': 'Todavía no se ha realizado ninguna auditoría de conformidad vigente: por eso el servicio se '
        + 'declara no conforme.',
    'statement.results': 'Resultados de las pruebas',
    'statement.audit': 'La auditoría del {date} muestra que se cumple el {percent} % de los criterios del RGAA.',
    'statement.auditBy': 'La auditoría realizada el {date} por {auditor} muestra que se cumple el {percent} % de los '
        + 'criterios del RGAA.',
    'statement.automated': 'En cada versión, pruebas automáticas comprueban cada página y cada estado de las '
        + 'aplicaciones con axe-core (reglas WCAG 2.1, niveles A y AA) en el navegador Chromium; no se admite ningún '
        + 'error. Estas pruebas solo cubren una parte de los criterios y no sustituyen a una auditoría.',
    'statement.inaccessible': 'Contenidos no accesibles',
    'statement.nonCompliances': 'Incumplimientos',
    'statement.nonCompliances.none': 'La auditoría no encontró ningún incumplimiento.',
    'statement.nonCompliances.unknown': 'Sin evaluar: todavía no se ha realizado ninguna auditoría.',
    'statement.derogations': 'Excepciones por carga desproporcionada',
    'statement.derogations.none': 'Ninguna.',
    'statement.alternatives': 'Lo que está previsto para todos',
    'statement.alternatives.text': 'Los agentes de recepción pueden entregar un número y llamar a cada persona de viva '
        + 'voz. El terminal tiene un modo accesible al alcance de una persona sentada: letra grande de alto contraste, '
        + 'guía por voz en el idioma elegido, botones físicos y un número impreso en letra grande. Cada llamada que '
        + 'aparece en las pantallas de la sala de espera también se anuncia en voz alta; las pantallas pueden mantener '
        + 'cada llamada más tiempo, parpadeando, para las personas sordas o con problemas de audición. La página de '
        + 'seguimiento del número indica a qué ventanilla dirigirse.',
    'statement.established': 'Elaboración de esta declaración',
    'statement.date': 'Esta declaración se elaboró el {date}.',
    'statement.technologies': 'Tecnologías utilizadas: HTML, CSS, JavaScript, WAI-ARIA.',
    'statement.tools': 'Comprobaciones: axe-core en Chromium, navegación con teclado.',
    'statement.contact': 'Comentarios y contacto',
    'statement.contact.text': 'Si no consigue acceder a un contenido o a un servicio, póngase en contacto con '
        + '{organisation}: le orientarán hacia una alternativa accesible o le darán el contenido en otro formato.',
    'statement.contact.desk': 'Si no consigue acceder a un contenido o a un servicio, diríjase a la recepción del '
        + 'centro: un agente le ayudará.',
    'statement.contact.email': 'Correo electrónico: ',
    'statement.contact.address': 'Dirección: ',
    'statement.contact.form': 'Formulario de contacto',
    'statement.recourse': 'Vías de recurso',
    'statement.recourse.text': 'Si ha señalado un defecto de accesibilidad que le impide acceder a un contenido o a '
        + 'un servicio y no ha obtenido una respuesta satisfactoria, puede acudir al Défenseur des droits (el '
        + 'defensor de los derechos en Francia):',
    'statement.recourse.form': 'escribir al Défenseur des droits mediante su formulario en línea',
    'statement.recourse.delegate': 'reunirse con el delegado del Défenseur des droits de su región',
    'statement.recourse.phone': 'llamar al 09 69 39 00 00',
    'statement.recourse.mail': 'escribir por correo postal, gratis y sin sello: Défenseur des droits, Libre réponse '
        + '71120, 75342 Paris CEDEX 07',
    'privacy.title': 'Datos personales',
    'privacy.someone': 'El organismo que gestiona este servicio',
    'privacy.controller': '{controller} es responsable de los datos que Guichet, su servicio de gestión de la '
        + 'atención al público, registra cuando usted saca un número. Esta página indica cuáles, por qué, durante '
        + 'cuánto tiempo y cómo ejercer sus derechos.',
    'privacy.what': 'Qué se registra',
    'privacy.what.text': 'Su número no lleva su nombre. Registra el número, el servicio elegido, el idioma, la '
        + 'prioridad si la pidió (movilidad reducida, discapacidad, embarazo; no se comprueba), las horas de llegada, '
        + 'de llamada y de fin, y la ventanilla y el agente que le atendió.',
    'privacy.what.note': 'Si se le orienta a otro servicio, el agente puede escribir una breve nota para su compañero '
        + 'y anotar el resultado de su visita. Estas notas nunca aparecen en las pantallas de la sala de espera ni en '
        + 'su página de seguimiento.',
    'privacy.what.phone': 'Si pide que le llamen, o un SMS cuando se acerque su turno, su número de teléfono se guarda cifrado, solo lo ve el agente que le llama (o solo se transmite al proveedor que envía el SMS), y se borra en cuanto se le ha llamado o se ha enviado el SMS, y como muy tarde 7 días después de la franja pedida.',
    'privacy.what.appointment': 'Si pide cita, la cita se registra sin cuenta (servicio, día, hora, su código); su nombre, solo si lo da, solo lo ven los agentes del centro y se borra al día siguiente.',
    'privacy.why': 'Por qué',
    'privacy.why.text': 'Para llamarle cuando sea su turno, orientarle a la ventanilla adecuada y medir los tiempos '
        + 'de espera para mejorar la atención.',
    'privacy.why.basis': 'Este tratamiento es necesario para la misión de servicio público del organismo (artículo '
        + '6.1.e del Reglamento General de Protección de Datos).',
    'privacy.howLong': 'Durante cuánto tiempo',
    'privacy.howLong.link': 'El enlace impreso en su número solo funciona el mismo día.',
    'privacy.howLong.notes': 'Las notas de los agentes se borran a los {days} días.',
    'privacy.howLong.pseudonymised': 'A los {days} días, ya nada relaciona el número con usted ni con el agente.',
    'privacy.howLong.deleted': 'A los {months} meses, el número se suprime: solo quedan estadísticas por sede y por '
        + 'día.',
    'privacy.who': 'Quién tiene acceso',
    'privacy.who.text': 'Los agentes de atención de la sede y sus responsables. Las pantallas de la sala de espera '
        + 'solo muestran el número y la ventanilla. Los datos no se venden ni se ceden a otros organismos, y estas '
        + 'páginas no utilizan ninguna herramienta de medición de audiencia.',
    'privacy.rights': 'Sus derechos',
    'privacy.rights.text': 'Puede solicitar consultar los datos de su número, rectificarlos o suprimirlos, u oponerse '
        + 'a su tratamiento.',
    'privacy.contact.dpo': 'Diríjase al delegado de protección de datos:',
    'privacy.contact.desk': 'Diríjase a la recepción de la sede: un agente transmitirá su solicitud al delegado de '
        + 'protección de datos.',
    'privacy.contact.email': 'Correo electrónico: ',
    'privacy.contact.address': 'Dirección: ',
    'privacy.contact.form': 'Formulario de solicitud',
    'privacy.rights.ticket': 'Como el número no lleva su nombre, indique el número, la sede y el día de su visita.',
    'privacy.rights.cnil': 'Si considera que no se respetan sus derechos, puede presentar una reclamación ante la '
        + 'CNIL, la autoridad francesa de protección de datos:',
    'privacy.rights.cnilLink': 'www.cnil.fr/fr/plaintes',
});

registerTexts('oc', {
    'lang.label': 'Lenga',
    'home': 'Acuèlh de Guichet',
    'notFound.title': 'Pagina introbabla',
    'notFound.text': 'I a pas cap de pagina a aquesta adreça. Verificatz-la, o tornatz partir de l’acuèlh.',
    'notFound.ticket': 'Per seguir vòstre tiquet, escanatz tornamai lo còdi estampat dessús.',
    'statement.title': 'Declaracion d’accessibilitat',
    'statement.someone': 'L’organisme qu’explòta aqueste servici',
    'statement.commitment': '{organisation} s’engatja a rendre sos servicis numerics accessibles, segon l’article 47 '
        + 'de la lei n° 2005-102 del 11 de febrièr de 2005.',
    'statement.plan': 'Esquèma pluriannal de mesa en accessibilitat',
    'statement.scope': 'Aquesta declaracion s’aplica a Guichet, lo servici de gestion de l’acuèlh : la pagina de '
        + 'seguiment del tiquet, las bòrnas, los ecrans de las salas d’espèra e las aplicacions dels agents.',
    'statement.conformance': 'Estat de conformitat',
    'statement.state.TOTAL': 'Guichet es totalament conforme al referencial general de melhorament de l’accessibilitat '
        + '(RGAA), version 4.1.',
    'statement.state.PARTIAL': 'Guichet es parcialament conforme al referencial general de melhorament de '
        + 'l’accessibilitat (RGAA), version 4.1.',
    'statement.state.NONE': 'Guichet es pas conforme al referencial general de melhorament de l’accessibilitat '
        + '(RGAA), version 4.1.',
    'statement.noAudit': 'Cap d’auditoria de conformitat valida es pas encara estada facha : es per aquò que lo '
        + 'servici es declarat pas conforme.',
    'statement.results': 'Resultats dels tèsts',
    'statement.audit': 'L’auditoria del {date} mòstra que {percent} % dels critèris del RGAA son respectats.',
    'statement.auditBy': 'L’auditoria facha lo {date} per {auditor} mòstra que {percent} % dels critèris del RGAA son '
        + 'respectats.',
    'statement.automated': 'A cada version, de tèsts automatics verifican cada pagina e cada estat de las aplicacions '
        + 'amb axe-core (règlas WCAG 2.1, nivèls A e AA) dins lo navegador Chromium ; cap d’error es pas acceptada. '
        + 'Aqueles tèsts cobrisson pas qu’una part dels critèris e remplaçan pas una auditoria.',
    'statement.inaccessible': 'Contenguts pas accessibles',
    'statement.nonCompliances': 'Non-conformitats',
    'statement.nonCompliances.none': 'L’auditoria a pas trobat cap de non-conformitat.',
    'statement.nonCompliances.unknown': 'Pas avaloradas : cap d’auditoria es pas encara estada facha.',
    'statement.derogations': 'Derogacions per carga desproporcionada',
    'statement.derogations.none': 'Cap.',
    'statement.alternatives': 'Çò que es previst per cadun',
    'statement.alternatives.text': 'Los agents d’acuèlh pòdon balhar un tiquet e sonar cada persona de viva votz. La '
        + 'bòrna a un mòde accessible, a portada d’una persona asseguda : letras grandas plan contrastadas, guidatge '
        + 'vocal dins la lenga causida, botons fisics e tiquet en letras grandas. Cada sonada afichada suls ecrans de la '
        + 'sala d’espèra es tanben anonciada a nauta votz ; los ecrans pòdon gardar cada sonada mai longtemps, en '
        + 'clinhotejant, per las personas sordas o que entendon mal. La pagina de seguiment del tiquet indica lo '
        + 'guichet ont se presentar.',
    'statement.established': 'Establiment d’aquesta declaracion',
    'statement.date': 'Aquesta declaracion es estada establida lo {date}.',
    'statement.technologies': 'Tecnologias utilizadas : HTML, CSS, JavaScript, WAI-ARIA.',
    'statement.tools': 'Verificacions : axe-core dins Chromium, navigacion al clavièr.',
    'statement.contact': 'Retorn d’informacion e contacte',
    'statement.contact.text': 'Se podètz pas accedir a un contengut o a un servici, contactatz {organisation} : vos '
        + 'orientaràn cap a una solucion accessibla o vos balharàn lo contengut jos una autra forma.',
    'statement.contact.desk': 'Se podètz pas accedir a un contengut o a un servici, adreçatz-vos a l’acuèlh del '
        + 'site : un agent vos ajudarà.',
    'statement.contact.email': 'Corrièl : ',
    'statement.contact.address': 'Adreça : ',
    'statement.contact.form': 'Formulari de contacte',
    'statement.recourse': 'Vias de recors',
    'statement.recourse.text': 'S’avètz senhalat un defaut d’accessibilitat que vos empacha d’accedir a un contengut '
        + 'o a un servici, e qu’avètz pas obtengut de responsa satisfasenta, podètz sasir lo Defensor dels dreches :',
    'statement.recourse.form': 'escriure al Defensor dels dreches per son formulari en linha',
    'statement.recourse.delegate': 'rencontrar lo delegat del Defensor dels dreches de vòstra region',
    'statement.recourse.phone': 'sonar lo 09 69 39 00 00',
    'statement.recourse.mail': 'escriure per la pòsta, a gratis e sens timbre : Défenseur des droits, Libre réponse '
        + '71120, 75342 Paris CEDEX 07',
    'privacy.title': 'Donadas personalas',
    'privacy.someone': 'L’organisme qu’explecha aqueste servici',
    'privacy.controller': '{controller} es responsable de las donadas que Guichet, son servici de gestion de '
        + 'l’acuèlh, enregistra quand prenètz un tiquet. Aquesta pagina ditz qualas, perqué, per quant de temps e '
        + 'cossí exercir vòstres dreits.',
    'privacy.what': 'Çò qu’es enregistrat',
    'privacy.what.text': 'Vòstre tiquet pòrta pas vòstre nom. Enregistra son numèro, lo servici causit, la lenga, la '
        + 'prioritat se l’avètz demandada (mobilitat reducha, handicap, gròssa ; es pas verificada), las oras '
        + 'd’arribada, d’apèl e de fin, lo guichet e l’agent que vos a recebut.',
    'privacy.what.note': 'Se sètz orientat cap a un autre servici, l’agent pòt escriure una nòta corta per son '
        + 'collèga, e notar la seguida donada a vòstra visita. Aquelas nòtas s’afichan pas jamai suls ecrans de la '
        + 'sala d’espèra ni sus vòstra pagina de seguiment.',
    'privacy.what.phone': 'Se demandatz d’èsser rapelat, o un SMS quand vòstre torn s’apròcha, vòstre numèro de telefòn es enregistrat chifrat, vist sonque per l’agent que vos rapèla (o transmés sonque al prestatari que manda lo SMS), puèi escafat tre que lo rapèl es fach o lo SMS mandat, e al mai tard 7 jorns aprèp lo crenèl demandat.',
    'privacy.what.appointment': 'Se prenètz rendètz-vos, lo rendètz-vos es enregistrat sens compte (servici, jorn, ora, son còdi) ; vòstre nom, sonque se lo donatz, es vist sonque pels agents del site e es escafat l’endeman.',
    'privacy.why': 'Perqué',
    'privacy.why.text': 'Per vos apelar a vòstre torn, vos orientar cap al bon guichet, e mesurar los temps d’espèra '
        + 'per melhorar l’acuèlh.',
    'privacy.why.basis': 'Aqueste tractament es necessari a la mission de servici public de l’organisme (article '
        + '6.1.e del reglament general sus la proteccion de las donadas).',
    'privacy.howLong': 'Per quant de temps',
    'privacy.howLong.link': 'Lo ligam de seguiment imprimit sus vòstre tiquet fonciona sonque lo jorn meteis.',
    'privacy.howLong.notes': 'Las nòtas dels agents son escafadas al cap de {days} jorns.',
    'privacy.howLong.pseudonymised': 'Al cap de {days} jorns, pus res religa pas lo tiquet a vos ni a l’agent.',
    'privacy.howLong.deleted': 'Al cap de {months} meses, lo tiquet es suprimit : demòran sonque d’estatisticas per '
        + 'site e per jorn.',
    'privacy.who': 'Qual i a accès',
    'privacy.who.text': 'Los agents d’acuèlh del site e lors responsables. Los ecrans de la sala d’espèra afichan '
        + 'sonque lo numèro e lo guichet. Las donadas son pas vendudas ni transmesas a d’autres organismes, e '
        + 'aquestas paginas utilizan pas cap d’aisina de mesura d’audiéncia.',
    'privacy.rights': 'Vòstres dreits',
    'privacy.rights.text': 'Podètz demandar de consultar las donadas de vòstre tiquet, de las far corregir o escafar, '
        + 'o vos opausar a lor tractament.',
    'privacy.contact.dpo': 'Adreçatz-vos al delegat a la proteccion de las donadas :',
    'privacy.contact.desk': 'Adreçatz-vos a l’acuèlh del site : un agent transmetrà vòstra demanda al delegat a la '
        + 'proteccion de las donadas.',
    'privacy.contact.email': 'Corrièl : ',
    'privacy.contact.address': 'Adreça : ',
    'privacy.contact.form': 'Formulari de demanda',
    'privacy.rights.ticket': 'Coma lo tiquet pòrta pas vòstre nom, indicatz son numèro, lo site e lo jorn de vòstra '
        + 'visita.',
    'privacy.rights.cnil': 'Se estimatz que vòstres dreits son pas respectats, podètz adreçar una reclamacion a la '
        + 'CNIL :',
    'privacy.rights.cnilLink': 'www.cnil.fr/fr/plaintes',
});
