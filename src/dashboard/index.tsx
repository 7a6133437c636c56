/**
 * Entry of dist/dashboard/app.js, the script of the page the receiver answers at `/`
 * (dist/dashboard/index.html): renders the dashboard with its stylesheet. Nothing on the page but what this draws.
 */
import { render } from 'preact';
import css from './dashboard.css?inline';
import { Dashboard } from './Dashboard.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const root = document.getElementById('dashboard');
if (root) render(<Dashboard />, root);
