#!/usr/bin/env python3
"""Draws Pathway's app icons as PNGs with only the standard library.

The mark: a white path winding up a teal square to a yellow dot (where
you're heading). Shapes are drawn from signed distances, which gives smooth
edges without an image library. Run from the repo root:

    python3 style/make-icons.py

and commit the PNGs in public/icons/. Re-run only when the design changes.
"""
import math
import os
import struct
import zlib

TEAL = (0x1D, 0x4F, 0x5C)
WHITE = (0xFF, 0xFF, 0xFF)
YELLOW = (0xFF, 0xDD, 0x00)

# The path, in a unit square (0,0 top left).
POINTS = [(0.27, 0.80), (0.63, 0.63), (0.37, 0.45), (0.66, 0.29)]
PATH_HALF_WIDTH = 0.045
DOT = (0.66, 0.29)
DOT_RADIUS = 0.085


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def rounded_square_dist(px, py, radius):
    """Distance outside a unit square with rounded corners (negative inside)."""
    qx = abs(px - 0.5) - (0.5 - radius)
    qy = abs(py - 0.5) - (0.5 - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - radius


def cover(dist_px):
    """Share of a pixel covered by a shape whose edge is dist_px away."""
    return max(0.0, min(1.0, 0.5 - dist_px))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def draw(size, scale, corner):
    """RGBA rows. `scale` shrinks the mark about the centre (maskable icons
    keep it inside the safe circle); `corner` rounds the background (0 for
    full-bleed)."""
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            u, v = (x + 0.5) / size, (y + 0.5) / size
            alpha = 1.0 if corner == 0 else cover(rounded_square_dist(u, v, corner) * size)
            # Mark coordinates, scaled about the centre.
            mu, mv = 0.5 + (u - 0.5) / scale, 0.5 + (v - 0.5) / scale
            d_path = min(seg_dist(mu, mv, *POINTS[i], *POINTS[i + 1]) for i in range(len(POINTS) - 1))
            d_path = (d_path - PATH_HALF_WIDTH) * size * scale
            d_dot = (math.hypot(mu - DOT[0], mv - DOT[1]) - DOT_RADIUS) * size * scale
            colour = mix(TEAL, WHITE, cover(d_path))
            colour = mix(colour, YELLOW, cover(d_dot))
            row += bytes(colour) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    return rows


def png(rows, size):
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "public", "icons")
    os.makedirs(out, exist_ok=True)
    icons = [
        ("icon-192.png", 192, 1.0, 0.18),
        ("icon-512.png", 512, 1.0, 0.18),
        # Maskable: full bleed, mark inside the central 80% safe zone.
        ("icon-maskable-512.png", 512, 0.8, 0),
        # iOS rounds the corners itself and dislikes transparency.
        ("apple-touch-icon.png", 180, 0.9, 0),
    ]
    for name, size, scale, corner in icons:
        with open(os.path.join(out, name), "wb") as f:
            f.write(png(draw(size, scale, corner), size))
        print("wrote", name)


if __name__ == "__main__":
    main()
