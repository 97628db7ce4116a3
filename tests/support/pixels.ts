import type { BrowserContext } from 'playwright-core';

/** An image's pixels, row by row, four bytes (RGBA) each. */
export interface Pixels {
  width: number;
  height: number;
  data: number[];
}

/** Decodes PNG screenshots in a blank page of the browser (no image library needed). */
export async function decodePngs(context: BrowserContext, images: readonly Buffer[]): Promise<Pixels[]> {
  const page = await context.newPage();
  try {
    return await page.evaluate(
      async (sources) => {
        const decoded: Pixels[] = [];
        for (const source of sources) {
          const image = new Image();
          image.src = `data:image/png;base64,${source}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const drawing = canvas.getContext('2d') as CanvasRenderingContext2D;
          drawing.drawImage(image, 0, 0);
          decoded.push({ width: image.width, height: image.height, data: [...drawing.getImageData(0, 0, image.width, image.height).data] });
        }
        return decoded;
      },
      images.map((image) => image.toString('base64')),
    );
  } finally {
    await page.close();
  }
}

/** The columns (x) where any pixel differs between two images of the same size. */
export function columnsThatDiffer(a: Pixels, b: Pixels): number[] {
  return columnsWhere(a, (x, y) => differs(a, b, x, y));
}

/** The columns (x) holding any pixel that differs from the image's top-left pixel (its background). */
export function inkedColumns(image: Pixels): number[] {
  return columnsWhere(image, (x, y) =>
    [0, 1, 2].some((channel) => Math.abs((image.data[(y * image.width + x) * 4 + channel] ?? 0) - (image.data[channel] ?? 0)) > 24),
  );
}

function columnsWhere(image: Pixels, test: (x: number, y: number) => boolean): number[] {
  const columns: number[] = [];
  for (let x = 0; x < image.width; x += 1) {
    for (let y = 0; y < image.height; y += 1) {
      if (test(x, y)) {
        columns.push(x);
        break;
      }
    }
  }
  return columns;
}

function differs(a: Pixels, b: Pixels, x: number, y: number): boolean {
  const at = (y * a.width + x) * 4;
  return [0, 1, 2].some((channel) => Math.abs((a.data[at + channel] ?? 0) - (b.data[at + channel] ?? 0)) > 24);
}
