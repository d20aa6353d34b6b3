/**
 * Builds the light map of the 101 départements the directory page draws
 * (web/features/directory/departements-map.json) from the contours in
 * ../shared/data/departements-avec-outre-mer.geojson (IGN Admin Express, INSEE COG — Licence
 * Ouverte). Run again only when the contours change:
 *
 *   npx tsx scripts/build-departements-map.ts [path/to/departements.geojson]
 *
 * Metropolitan France is projected with an equirectangular projection centred on 46.5° N (good
 * enough for a clickable map at this scale); the five overseas départements are drawn as insets in
 * a column on the left, each at its own scale. Outlines are simplified with Douglas–Peucker to
 * about 0.8 pixel at the drawing's size, and rings smaller than a pixel are dropped.
 */
import fs from 'node:fs';
import path from 'node:path';

type Position = [number, number];
type Ring = Position[];
interface Feature {
  properties: { code: string; nom: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const source = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/data/departements-avec-outre-mer.geojson');
const target = path.resolve(import.meta.dirname, '../web/features/directory/departements-map.json');
const WIDTH = 620;
const HEIGHT = 600;
const INSET_WIDTH = 90;
const TOLERANCE = 0.8;

const features = (JSON.parse(fs.readFileSync(source, 'utf8')) as { features: Feature[] }).features;
const polygonsOf = (f: Feature): Ring[][] => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
const OVERSEAS = ['971', '972', '973', '974', '976'];

function bbox(rings: Ring[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) for (const [x, y] of ring) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return [x0, y0, x1, y1];
}

/** A projection fitting `bounds` (lon/lat) into the box [left, top, width, height]. */
function fit(bounds: [number, number, number, number], box: [number, number, number, number]): (p: Position) => Position {
  const [lon0, lat0, lon1, lat1] = bounds;
  const k = Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180);
  const scale = Math.min(box[2] / ((lon1 - lon0) * k), box[3] / (lat1 - lat0));
  const dx = box[0] + (box[2] - (lon1 - lon0) * k * scale) / 2;
  const dy = box[1] + (box[3] - (lat1 - lat0) * scale) / 2;
  return ([lon, lat]) => [dx + (lon - lon0) * k * scale, dy + (lat1 - lat) * scale];
}

function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = points[a] as Position;
    const [bx, by] = points[b] as Position;
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i] as Position;
      // Distance to the chord; to the point itself when the chord is a point (a closed ring).
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > tolerance && index > 0) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function area(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as Position;
    const [x1, y1] = ring[(i + 1) % ring.length] as Position;
    sum += x0 * y1 - x1 * y0;
  }
  return Math.abs(sum / 2);
}

function pathOf(polygons: Ring[][], project: (p: Position) => Position): string {
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const projected = simplify(ring.map(project), TOLERANCE);
      if (projected.length < 4 || area(projected) < 1) continue;
      parts.push(`M${projected.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`);
    }
  }
  return parts.join('');
}

const metro = features.filter((f) => !OVERSEAS.includes(f.properties.code));
const metroProjection = fit(bbox(metro.flatMap(polygonsOf).flat()), [INSET_WIDTH + 10, 0, WIDTH - INSET_WIDTH - 10, HEIGHT]);
const insetHeight = HEIGHT / OVERSEAS.length;

const out = features
  .map((f) => {
    const overseasIndex = OVERSEAS.indexOf(f.properties.code);
    const projection =
      overseasIndex < 0
        ? metroProjection
        : fit(bbox(polygonsOf(f).flat()), [4, overseasIndex * insetHeight + 4, INSET_WIDTH - 8, insetHeight - 8]);
    const [x0, y0, x1, y1] = bbox(polygonsOf(f).flat().map((ring) => ring.map(projection)));
    return {
      code: f.properties.code,
      name: f.properties.nom,
      d: pathOf(polygonsOf(f), projection),
      /** Where a label or focus ring can go: the centre of the drawn box. */
      center: [Number(((x0 + x1) / 2).toFixed(1)), Number(((y0 + y1) / 2).toFixed(1))],
      inset: overseasIndex >= 0,
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const doc = {
  source: 'IGN — Admin Express ; INSEE — COG (Licence Ouverte / Open Licence, Etalab), via gregoiredavid/france-geojson; simplified by scripts/build-departements-map.ts',
  viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
  insets: OVERSEAS.map((code, i) => ({ code, x: 0, y: i * insetHeight, width: INSET_WIDTH, height: insetHeight })),
  departements: out,
};
fs.writeFileSync(target, `${JSON.stringify(doc)}\n`);
process.stdout.write(`${out.length} départements, ${(fs.statSync(target).size / 1024).toFixed(0)} KiB → ${path.relative(process.cwd(), target)}\n`);
