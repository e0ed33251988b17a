import styles from '../app/styles.css?raw';
import './design-tokens.css';

/**
 * The design tokens, read from src/app/styles.css itself (its `:root` custom properties and the
 * type sizes of its rules), so this page cannot drift from the CSS. Each colour pair the panel
 * uses for text is shown with its contrast ratio against WCAG 2.2 AA (4.5:1 for text).
 */
interface Token {
  name: string;
  value: string;
}

const root = /:root\s*\{([^}]*)\}/.exec(styles)?.[1] ?? '';
const tokens: Token[] = [...root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => ({ name: m[1] ?? '', value: (m[2] ?? '').trim() }));
const byPrefix = (prefix: string) => tokens.filter((t) => t.name.startsWith(prefix));
const valueOf = (name: string) => tokens.find((t) => t.name === name)?.value ?? '';

/** Rules that set a font size, in the order of the stylesheet (single-line rules, as styles.css writes them). */
const typeRules = [...styles.matchAll(/^([^{}\n@/][^{}\n]*?)\s*\{([^}]*font-size:[^}]*)\}/gm)].map((m) => {
  const decls = m[2] ?? '';
  const get = (prop: string) => new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(decls)?.[1]?.trim();
  return { selector: (m[1] ?? '').trim(), size: get('font-size') ?? '', weight: get('font-weight') ?? '400' };
});

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05);
}

/** Text on background pairs of the panel (token names). */
const PAIRS: Array<[text: string, background: string, use: string]> = [
  ['--color-text', '--color-bg', 'Body text on the page'],
  ['--color-text', '--color-surface', 'Text on cards, tables, dialogs'],
  ['--color-muted', '--color-surface', 'Secondary text'],
  ['--color-muted', '--color-bg', 'Secondary text on the page'],
  ['--color-primary', '--color-surface', 'Links'],
  ['--color-surface', '--color-primary', 'Primary button label'],
  ['--color-surface', '--color-danger', 'Danger button label'],
  ['--color-danger', '--color-surface', 'Field errors'],
  ['--color-nav-text', '--color-nav-bg', 'Navigation links'],
  ['--color-synced-text', '--color-synced-bg', 'Synced / Active badge'],
  ['--color-unsynced-text', '--color-unsynced-bg', 'Unsynced badge, notices'],
  ['--color-locked-text', '--color-locked-bg', 'Locked badge'],
  ['--color-custom-text', '--color-custom-bg', 'Custom badge'],
  ['--color-suspended-text', '--color-suspended-bg', 'Suspended badge'],
];

/** Sets custom properties on an element (the values come from the stylesheet, at run time). */
const cssVars = (vars: Record<string, string>) => (el: HTMLElement | null) => {
  if (el) for (const [k, v] of Object.entries(vars)) el.style.setProperty(k, v);
};

export function DesignTokens() {
  const colours = byPrefix('--color-');
  const spaces = byPrefix('--space-');
  const others = tokens.filter((t) => !t.name.startsWith('--color-') && !t.name.startsWith('--space-'));
  return (
    <main className="tokens">
      <h1>Design tokens</h1>
      <p className="muted">
        Read from <code>src/app/styles.css</code> (<code>:root</code>): change a value there and this page, the app and every story follow. Use the tokens,
        never raw values, in new CSS.
      </p>

      <h2>Colours</h2>
      <ul className="tokens__swatches">
        {colours.map((t) => (
          <li key={t.name}>
            <span className="tokens__swatch" ref={cssVars({ '--swatch': `var(${t.name})` })} aria-hidden="true" />
            <code>{t.name}</code> <span className="muted">{t.value}</span>
          </li>
        ))}
      </ul>

      <h2>Text contrast (WCAG 2.2 AA: 4.5:1)</h2>
      <table className="data-table">
        <caption className="visually-hidden">Text contrast of the colour pairs</caption>
        <thead>
          <tr>
            <th scope="col">Sample</th>
            <th scope="col">Text / background</th>
            <th scope="col">Used for</th>
            <th scope="col" className="num">
              Ratio
            </th>
          </tr>
        </thead>
        <tbody>
          {PAIRS.map(([fg, bg, use]) => {
            const ratio = contrast(valueOf(fg), valueOf(bg));
            return (
              <tr key={`${fg}${bg}`}>
                <td>
                  <span className="tokens__pair" ref={cssVars({ '--fg': `var(${fg})`, '--bg': `var(${bg})` })}>
                    Aa Synced
                  </span>
                </td>
                <td>
                  <code>{fg}</code> / <code>{bg}</code>
                </td>
                <td>{use}</td>
                <td className="num">
                  {ratio.toFixed(2)}:1 {ratio >= 4.5 ? '✓' : '✗ below AA'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Spacing</h2>
      <ul className="tokens__spaces">
        {spaces.map((t) => (
          <li key={t.name}>
            <span className="tokens__space" ref={cssVars({ '--size': `var(${t.name})` })} aria-hidden="true" />
            <code>{t.name}</code> <span className="muted">{t.value}</span>
          </li>
        ))}
      </ul>

      <h2>Type</h2>
      <p>
        Font: <code>--font</code> <span className="muted">{valueOf('--font')}</span>
      </p>
      <ul className="tokens__type">
        {typeRules.map((r) => (
          <li key={r.selector}>
            <span className="tokens__specimen" ref={cssVars({ '--size': r.size, '--weight': r.weight })}>
              Hosting Panel — Sites Web et domaines
            </span>
            <code>{r.selector}</code>{' '}
            <span className="muted">
              {r.size}, weight {r.weight}
            </span>
          </li>
        ))}
      </ul>

      <h2>Other tokens</h2>
      <ul>
        {others.map((t) => (
          <li key={t.name}>
            <code>{t.name}</code> <span className="muted">{t.value}</span>
          </li>
        ))}
      </ul>
      <p className="muted">
        Breakpoints (in the stylesheet, not tokens): the navigation folds behind <em>Menu</em> under 768 px; summaries stack under 480 px; the subscriptions
        list stacks its rows when its own width is under 960 px, the failure grid under 600 px (container queries).
      </p>
    </main>
  );
}
