/**
 * Build only: the app's own stylesheet (src/app/styles.css, ~14 KB, ~3 KB compressed) goes into
 * index.html as a <style> instead of a <link rel="stylesheet">.
 *
 * Why: a linked stylesheet is render-blocking, so index.html's static first frame (the shell's
 * header and sidebar) could not paint before a second round trip, and on a phone's network that
 * request shares the link with the ~245 KB of JavaScript the page preloads at the same time
 * (Lighthouse, mobile: first contentful paint ~1.9 s, the stylesheet on its path). Inlined, the
 * frame paints as soon as the HTML is parsed. The whole file rather than a "critical" subset: it
 * is small, and React renders into rules that are already there (no unstyled flash, no shift),
 * with no second copy to keep in step.
 *
 * Vite's preload helper, before a lazy chunk runs, adds a <link rel="stylesheet"> for every CSS
 * file that chunk depends on — the entry's included — unless the document already has one with
 * that href: it would fetch the file again, and the copy, added after the routes' own CSS, would
 * override their rules. So the link stays as a marker that fetches and applies nothing:
 * `media="not all"` (Chromium's preload scanner skips it; it never applies) and `disabled` (the
 * element itself does not load it). Either alone still fetched it, measured in Chromium.
 */

/** @returns {import('vite').Plugin} */
export function inlineEntryCss() {
  return {
    name: 'hosting-panel:inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      // After Vite has written the <script>/<link> tags of the built entry into the page.
      order: 'post',
      handler(html, ctx) {
        // The app's page only (not, say, Storybook's iframe.html, which reads this config too).
        if (ctx.path !== '/index.html' || !ctx.bundle) return html;
        const bundle = ctx.bundle;
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (tag, fileName) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return tag;
          const css = String(asset.source);
          // Would end the <style> element early.
          if (/<\/style/i.test(css)) throw new Error(`inline-entry-css: ${fileName} contains "</style"`);
          return `<style>${css.trimEnd()}</style>\n    <link rel="stylesheet" href="/${fileName}" media="not all" disabled>`;
        });
      },
    },
  };
}
