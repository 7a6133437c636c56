/**
 * What every demo page shows around its own content, written once: the header (the brand and the
 * main navigation) and the footer. A page holds only the markers, and the demo server puts these
 * in their place as it serves the page, so the navigation is plain HTML that works with scripts
 * off. A new page is a row in PAGES.
 */

/** Where a page holds its header, and its footer. */
export const SITE_HEADER_MARKER = '<!-- site header: demo/site-layout.mjs -->';
export const SITE_FOOTER_MARKER = '<!-- site footer: demo/site-layout.mjs -->';

const SITE_FOOTER = `<footer class="site-footer">
      <div class="container">
        <p>Acme Goods is a fictional shop for the nps-widget demo. Answers are kept by the
          package's own receiver, in <code>demo/data/receiver</code> on this machine only.</p>
      </div>
    </footer>`;

/**
 * The navigation, in order. `only` keeps a link to one page (the shop's cart is on the shop).
 * @type {Array<{ href: string, label: string, only?: string }>}
 */
const PAGES = [
  { href: '/', label: 'Shop' },
  { href: '#cart', label: 'Cart <span class="cart-count" id="cart-count">1</span>', only: '/' },
  { href: '/checkout.html', label: 'Checkout' },
  { href: '/placements.html', label: 'Placements' },
  { href: '/playground.html', label: 'Playground' },
  { href: '/results.html', label: 'Survey results' },
];

/**
 * The header for the page at `pathname`, its own link marked as the current page.
 * @param {string} pathname
 * @returns {string}
 */
export function renderSiteHeader(pathname) {
  const current = pathname === '/index.html' ? '/' : pathname;
  const links = PAGES.filter(({ only }) => only === undefined || only === current).map(
    ({ href, label }) => `            <li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a></li>`,
  );
  return `<header class="site-header">
      <div class="container header-row">
        <a class="brand" href="/" aria-label="Acme Goods, home">
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" />
            <path d="M9 23 16 8l7 15h-4l-3-7-3 7z" />
          </svg>
          <span>Acme Goods</span>
        </a>
        <nav aria-label="Main">
          <ul class="nav-list">
${links.join('\n')}
          </ul>
        </nav>
      </div>
    </header>`;
}

/**
 * A page's HTML with the header and footer in place of their markers.
 * @param {string} html
 * @param {string} pathname
 * @returns {string}
 */
export function withSiteLayout(html, pathname) {
  return html.replace(SITE_HEADER_MARKER, () => renderSiteHeader(pathname)).replace(SITE_FOOTER_MARKER, SITE_FOOTER);
}
