/**
 * The widget's only footprint on a host page: one element with an open shadow root that holds
 * all of its markup and styles.
 */

/**
 * A constructed stylesheet needs no inline <style>, so no CSP nonce. Where adoptedStyleSheets
 * exists, so do the CSSStyleSheet constructor and replaceSync: all three shipped together
 * (Chrome 73, Firefox 101, Safari 16.4). Firefox 100 and Safari 15.4 to 16.3 take the <style>.
 */
function addStyles(root: ShadowRoot, css: string, nonce: string | undefined): void {
  if ('adoptedStyleSheets' in root) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Some engines expose the API but refuse it (old Safari, locked-down frames): use <style>.
    }
  }
  const style = document.createElement('style');
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = css;
  root.append(style);
}

export interface ShadowMount {
  host: HTMLElement;
  /** Where Preact renders: a child of the shadow root, so re-renders never touch the <style>. */
  container: HTMLElement;
  remove(): void;
}

/**
 * Creates `<div {marker}>` with an open shadow root inside `parent`, styled with `css`.
 * `nonce` is used only by the `<style>` fallback, for pages whose CSP allows nonced styles.
 */
export function createShadowMount(parent: Element, marker: string, markerValue: string, css: string, nonce?: string): ShadowMount {
  const host = document.createElement('div');
  host.setAttribute(marker, markerValue);
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, css, nonce);
  const container = document.createElement('div');
  root.append(container);
  parent.append(host);
  return { host, container, remove: () => host.remove() };
}
