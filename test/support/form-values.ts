import { JSDOM } from "jsdom";

/**
 * The fields a browser would send for the form posting to `action` on a page: text, hidden, date and url
 * inputs, ticked checkboxes and radios, the selected option of each select, and textareas. Tests then post
 * what the page really offers, changing only what a person would change.
 */
export function formValues(html: string, action: string): Record<string, string> {
  const document = new JSDOM(html).window.document;
  const form = [...document.querySelectorAll("form")].find((f) => f.getAttribute("action") === action);
  if (!form) throw new Error(`Ingen formular med action="${action}" på siden.`);
  const values: Record<string, string> = {};
  for (const control of form.querySelectorAll("input, select, textarea")) {
    const name = control.getAttribute("name");
    if (!name) continue;
    if (control.tagName === "SELECT") {
      const select = control as HTMLSelectElement;
      values[name] = select.value;
    } else if (control.tagName === "TEXTAREA") {
      values[name] = (control as HTMLTextAreaElement).value;
    } else {
      const input = control as HTMLInputElement;
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) values[name] = input.value;
      } else if (input.type !== "file" && input.type !== "submit") values[name] = input.value;
    }
  }
  return values;
}
