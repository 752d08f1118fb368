import { encodePng } from './png.js';

/** The icon sizes of a new project, as the Power Query SDK's project template has them. */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;

/** Capital letters drawn on a 5×7 grid, one string a row (`#` is ink). */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['####.', '#...#', '#...#', '#...#', '#...#', '#...#', '####.'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
  _: ['.....', '.....', '.....', '.....', '.....', '.....', '#####'],
};

/** A colour for a project, from its name: the same name always gets the same colour. */
export function projectColour(name: string): readonly [number, number, number] {
  let hash = 2166136261;
  for (const character of name) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hslToRgb((hash % 360) / 360, 0.55, 0.42);
}

function hslToRgb(h: number, s: number, l: number): readonly [number, number, number] {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const v =
      u < 1 / 6
        ? p + (q - p) * 6 * u
        : u < 1 / 2
          ? q
          : u < 2 / 3
            ? p + (q - p) * (2 / 3 - u) * 6
            : p;
    return Math.round(v * 255);
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}

/**
 * The PNG icon of a project at one size: a square in the project's colour with slightly rounded
 * corners, and the first letter of its name in white, scaled to the size.
 */
export function projectIcon(name: string, size: number): Uint8Array {
  const [red, green, blue] = projectColour(name);
  const letter = Array.from(name.toUpperCase()).find(
    (character) => GLYPHS[character] !== undefined,
  );
  const glyph = GLYPHS[letter ?? '_'] ?? [];
  const pixels = new Uint8Array(size * size * 4);
  const scale = Math.max(1, Math.floor((size * 0.62) / 7));
  const glyphWidth = 5 * scale;
  const glyphHeight = 7 * scale;
  const left = Math.floor((size - glyphWidth) / 2);
  const top = Math.floor((size - glyphHeight) / 2);
  const corner = Math.max(1, Math.round(size / 10));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      if (outsideRoundedSquare(x, y, size, corner)) continue; // transparent
      const gx = Math.floor((x - left) / scale);
      const gy = Math.floor((y - top) / scale);
      const ink = x >= left && y >= top && glyph[gy]?.[gx] === '#';
      pixels[offset] = ink ? 255 : red;
      pixels[offset + 1] = ink ? 255 : green;
      pixels[offset + 2] = ink ? 255 : blue;
      pixels[offset + 3] = 255;
    }
  }
  return encodePng({ width: size, height: size, pixels });
}

function outsideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const cx = x < radius ? radius : x >= size - radius ? size - radius - 1 : x;
  const cy = y < radius ? radius : y >= size - radius ? size - radius - 1 : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy > radius * radius;
}
