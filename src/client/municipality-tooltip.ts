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
  // Neighbours drawn later cover part of a shape's outline; a copy of the outline on top shows all of it.
  const outline = (el: Element | null) => {
    for (const old of document.querySelectorAll(".hover-outline")) old.remove();
    const shape = el?.querySelector(".municipality-shape, .funnel-point");
    if (!el || !shape || !el.parentNode) return;
    const copy = shape.cloneNode(false) as SVGElement;
    copy.setAttribute("class", "hover-outline");
    copy.setAttribute("fill", "none");
    copy.setAttribute("stroke", "#000000");
    copy.setAttribute("stroke-width", "2.5");
    copy.setAttribute("pointer-events", "none");
    copy.setAttribute("aria-hidden", "true");
    el.parentNode.appendChild(copy);
  };
  const hide = () => {
    tooltip.hidden = true;
    outline(null);
  };
  for (const el of root.querySelectorAll<SVGAElement>("a.municipality[data-municipality]")) {
    // The native <title> tooltip would show the same text a second time.
    el.querySelector("title")?.remove();
    el.addEventListener("mouseenter", () => outline(el));
    el.addEventListener("mousemove", (event) => show(el, event.clientX, event.clientY));
    el.addEventListener("mouseleave", hide);
    el.addEventListener("focus", () => {
      outline(el);
      const box = el.getBoundingClientRect();
      show(el, box.right, box.top);
    });
    el.addEventListener("blur", hide);
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
}
