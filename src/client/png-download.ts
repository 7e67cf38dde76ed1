/**
 * "Hent som PNG": draws the page's own SVG (which carries title, legend and source line) on a canvas at
 * twice its size and saves it. Done in the browser so the server needs no image library.
 */
export function enablePngDownloads(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-png-from]")) {
    button.addEventListener("click", () => {
      const svg = document.querySelector<SVGSVGElement>(button.dataset.pngFrom!);
      if (svg) void savePng(svg, button.dataset.pngName ?? "figur.png");
    });
  }
}

async function savePng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const text = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
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
