/** A small element builder: attributes as strings, children as nodes or text. */
type Child = Node | string | null | undefined | false;

/** Creates `<tag>` with attributes (`text` sets textContent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** The element with this id; the page shell defines every id the script uses. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** A "Copy" button that puts `text` on the clipboard and says so. */
export function copyButton(label: string, text: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': label, text: 'Copy' });
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(text).then(
      () => flash(button, 'Copied'),
      () => flash(button, 'Select and copy'),
    );
  });
  return button;
}

function flash(button: HTMLButtonElement, text: string): void {
  button.textContent = text;
  setTimeout(() => (button.textContent = 'Copy'), 1500);
}
