// Texts of the form in which an agent given a password by an administrator chooses their own (staff.js's
// chooseOwnPassword), as the administration and supervision apps word it; French first, then English.

import { registerTexts } from '/shared/i18n.js';

registerTexts('fr', {
    'password.mustChange': 'Ce mot de passe vous a été donné par un administrateur : choisissez le vôtre pour continuer (12 caractères au moins ; quelques mots sans lien font un bon mot de passe).',
    'password.new': 'Nouveau mot de passe',
    'password.confirm': 'Le même, une seconde fois',
    'password.mismatch': 'Les deux mots de passe ne sont pas identiques.',
    'password.same': 'Choisissez un mot de passe différent de celui qui vous a été donné.',
    'password.refused': "Ce mot de passe n'est pas accepté ({message}).",
    'password.save': 'Enregistrer et continuer',
});

registerTexts('en', {
    'password.mustChange': 'An administrator gave you this password: choose your own to go on (at least 12 characters; a few unrelated words make a good one).',
    'password.new': 'New password',
    'password.confirm': 'The same again',
    'password.mismatch': 'The two passwords differ.',
    'password.same': 'Choose a password other than the one you were given.',
    'password.refused': 'This password is not accepted ({message}).',
    'password.save': 'Save and go on',
});
