// The landing page: sends each person to their app. French first, English on demand (remembered in this browser).
import { language, nameNextLanguage, nextLanguage, registerTexts, rememberLanguage, setLanguage, translatePage }
    from '/shared/i18n.js';
import { showAccessibilityLink } from '/public/accessibility-link.js';

registerTexts('fr', {
    'lang.name': 'Français',
    'lang.choose': 'Afficher en français',
    'home.title': 'Guichet',
    'home.lead': 'Gestion de l’accueil du public : choisissez votre application.',
    'home.counter': 'Guichet agent',
    'home.counterWhat': 'Appeler et recevoir les visiteurs, sur la tablette ou le poste du guichet.',
    'home.supervisor': 'Supervision',
    'home.supervisorWhat': 'Files d’attente et guichets en direct, alertes, statistiques.',
    'home.admin': 'Administration',
    'home.adminWhat': 'Sites, import et export du déploiement, journal des modifications.',
    'home.docs': 'Description de l’API',
    'home.indicators': 'Indicateurs publics',
    'home.indicatorsWhat': 'Attente et satisfaction de chaque site, pour tous, sans compte.',
    'home.docsWhat': 'Toutes les opérations du serveur (OpenAPI), pour l’automatisation et les intégrations.',
    'home.devices': 'Écrans et bornes',
    'home.devicesWhat': 'Un écran de salle d’attente ouvre /display/ avec son jeton ; une borne a son propre programme. '
        + 'Voir le README pour les installer.',
});

registerTexts('en', {
    'lang.name': 'English',
    'lang.choose': 'Show in English',
    'home.title': 'Guichet',
    'home.lead': 'Public reception management: choose your app.',
    'home.counter': 'Counter',
    'home.counterWhat': 'Call and serve visitors, on the counter’s tablet or PC.',
    'home.supervisor': 'Supervision',
    'home.supervisorWhat': 'Live queues and counters, alerts, statistics.',
    'home.admin': 'Administration',
    'home.adminWhat': 'Sites, deployment import and export, audit log.',
    'home.docs': 'API description',
    'home.indicators': 'Public indicators',
    'home.indicatorsWhat': 'Waits and satisfaction of each site, for everyone, without an account.',
    'home.docsWhat': 'Every operation of the server (OpenAPI), for automation and integrations.',
    'home.devices': 'Screens and kiosks',
    'home.devicesWhat': 'A waiting-room screen opens /display/ with its token; a kiosk runs its own program. '
        + 'See the README to install them.',
});

const STORAGE_KEY = 'guichet.home.language';

function render() {
    translatePage();
    nameNextLanguage(document.getElementById('language'), 'lang.name', 'lang.choose');
    showAccessibilityLink(document.getElementById('accessibility'), language());
}

rememberLanguage(STORAGE_KEY);
document.getElementById('language').addEventListener('click', () => {
    setLanguage(nextLanguage());
    render();
});
render();
