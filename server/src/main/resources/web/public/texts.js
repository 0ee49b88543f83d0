// What the public pages say (page not found, accessibility statement), in French, English, Spanish and Occitan.
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
});
