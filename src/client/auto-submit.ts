/** A selection form reloads the page as soon as a choice changes; the button stays for use without JS. */
export function enableAutoSubmit(root: ParentNode = document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>("form[data-auto-submit]")) {
    form.addEventListener("change", () => form.requestSubmit());
  }
}

/** Shows the controls that only work with JavaScript (PNG download). */
export function revealScriptControls(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>(".needs-js[hidden]")) el.hidden = false;
}
