/**
 * "Hent som PNG": draws an SVG on a canvas at twice its size and saves it. The SVG is either one on the page
 * (data-png-from, a CSS selector; trend chart, neighbour map, funnel plot carry title and source line) or the
 * downloadable SVG file (data-png-src, a same-origin address; the map, whose page version has its legend in
 * HTML). Done in the browser so the server needs no image library.
 */
export function enablePngDownloads(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-png-from], button[data-png-src]")) {
    button.addEventListener("click", () => {
      const name = button.dataset.pngName ?? "figur.png";
      if (button.dataset.pngSrc) {
        void fetch(button.dataset.pngSrc)
          .then((response) => response.text())
          .then((text) => savePng(text, name));
        return;
      }
      const svg = document.querySelector<SVGSVGElement>(button.dataset.pngFrom!);
      if (svg) void savePng(new XMLSerializer().serializeToString(svg), name);
    });
  }
}

async function savePng(svgText: string, fileName: string): Promise<void> {
  const svg = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext("2d")!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  const link = document.createElement("a");
  link.download = fileName;
  link.href = canvas.toDataURL("image/png");
  link.click();
}
