import { lengthCounterText, nearLimit } from "../viz/length-counter-text.js";

export { lengthCounterText };

/**
 * A textarea with `data-length-counter="id"` and `maxlength` shows its length in the element `id` while
 * the person types (issue 12: the length limit shown while typing). The server writes the same text at
 * load, so the limit is visible without JavaScript too.
 */
export function enableLengthCounters(root: ParentNode = document): void {
  for (const area of root.querySelectorAll<HTMLTextAreaElement>("textarea[data-length-counter][maxlength]")) {
    const counter = root.querySelector<HTMLElement>(`#${area.dataset.lengthCounter}`);
    if (!counter) continue;
    const max = area.maxLength;
    const update = () => {
      counter.textContent = lengthCounterText(area.value.length, max);
      counter.classList.toggle("length-counter-near", max - area.value.length <= nearLimit(max));
    };
    area.addEventListener("input", update);
    update();
  }
}
