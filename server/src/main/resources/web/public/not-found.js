// The page for an address nothing serves (answered with 404), in the visitor's language.
import { startPublicPage } from './page.js';

startPublicPage();
