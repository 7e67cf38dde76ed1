/**
 * Tooltip for map shapes and funnel points: shows the element's accessible name (the server wrote the
 * full Danish sentence) on hover and on keyboard focus, and hides on Escape (WCAG 1.4.13).
 */
export function enableMunicipalityTooltip(root: ParentNode = document): void {
  const tooltip = document.getElementById("map-tooltip");
  if (!tooltip) return;
  const show = (target: Element, x: number, y: number) => {
    tooltip.textContent = target.getAttribute("aria-label");
    tooltip.hidden = false;
    const width = tooltip.offsetWidth;
    tooltip.style.left = `${Math.max(4, Math.min(window.scrollX + x + 14, window.scrollX + document.documentElement.clientWidth - width - 4))}px`;
    tooltip.style.top = `${window.scrollY + y + 14}px`;
  };
  const hide = () => {
    tooltip.hidden = true;
  };
  for (const el of root.querySelectorAll<SVGAElement>("a.municipality[data-municipality]")) {
    // The native <title> tooltip would show the same text a second time.
    el.querySelector("title")?.remove();
    el.addEventListener("mousemove", (event) => show(el, event.clientX, event.clientY));
    el.addEventListener("mouseleave", hide);
    el.addEventListener("focus", () => {
      const box = el.getBoundingClientRect();
      show(el, box.right, box.top);
    });
    el.addEventListener("blur", hide);
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
}
