"""Shapes for the demo pictures (home/demo/scenes.py): a canvas and the things scenes are made of.

Scenes are drawn on a 1600 x 1000 plane at twice that size and halved at the end, which
smooths the edges of flat shapes without a slow filter. Colours are the site's tokens
(static/css/tokens.css) and mixes of them with the page background, so the pictures sit
in the same calm, warm palette as the pages around them.
"""

import math
from io import BytesIO

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 1000
SCALE = 2


def hex_colour(value):
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def mix(a, b, t):
    """The colour `t` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


# static/css/tokens.css
BG = hex_colour("#fbf8f3")
WARM = hex_colour("#f3ece1")
TEXT = hex_colour("#1f2a30")
MUTED = hex_colour("#4a5960")
PRIMARY = hex_colour("#1d5c63")
PRIMARY_DARK = hex_colour("#123d42")
PRIMARY_SOFT = hex_colour("#e3efee")
ACCENT = hex_colour("#9a3f1f")
BORDER = hex_colour("#c9c2b6")
NOTICE = hex_colour("#fff4d6")
GREEN = hex_colour("#1e6b3a")


def tint(colour, t):
    """`colour` faded `t` of the way towards the page background."""
    return mix(colour, BG, t)


SUN = mix(NOTICE, ACCENT, 0.18)
GOLD = mix(NOTICE, ACCENT, 0.38)
PEACH = tint(ACCENT, 0.7)
CLAY = tint(ACCENT, 0.35)
SAGE = tint(GREEN, 0.6)
LEAF = tint(GREEN, 0.3)
TEAL = tint(PRIMARY, 0.35)
MIST = tint(PRIMARY, 0.75)
WOOD = mix(ACCENT, TEXT, 0.35)
DUSK = mix(PRIMARY_DARK, ACCENT, 0.25)
NIGHT = mix(PRIMARY_DARK, TEXT, 0.4)

EVENING_HILLS = [mix(DUSK, PEACH, 0.3), mix(DUSK, PRIMARY_DARK, 0.3), NIGHT]

# The sky at each time of day: (top, bottom) bands.
SKIES = {
    "day": (PRIMARY_SOFT, mix(PRIMARY_SOFT, BG, 0.6)),
    "dawn": (mix(PRIMARY_SOFT, PEACH, 0.35), mix(PEACH, NOTICE, 0.5)),
    "evening": (DUSK, mix(DUSK, PEACH, 0.55)),
}


class Canvas:
    """An RGB picture drawn in 1600 x 1000 coordinates; fills may be see-through (RGBA)."""

    def __init__(self, background=BG, size=(WIDTH, HEIGHT)):
        self.width, self.height = size
        self.image = Image.new("RGB", (self.width * SCALE, self.height * SCALE), background)
        self._solid = ImageDraw.Draw(self.image)
        self._blend = ImageDraw.Draw(self.image, "RGBA")

    def _draw(self, fill):
        # Blending costs far more than painting: only see-through fills (RGBA) blend.
        return self._blend if len(fill) == 4 else self._solid

    @staticmethod
    def _points(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    def rect(self, box, fill, radius=0):
        box = [v * SCALE for v in box]
        if radius:
            self._draw(fill).rounded_rectangle(box, radius * SCALE, fill=fill)
        else:
            self._draw(fill).rectangle(box, fill=fill)

    def circle(self, cx, cy, r, fill):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill)

    def ellipse(self, box, fill):
        self._draw(fill).ellipse([v * SCALE for v in box], fill=fill)

    def polygon(self, points, fill):
        self._draw(fill).polygon(self._points(points), fill=fill)

    def line(self, points, fill, width):
        self._draw(fill).line(self._points(points), fill=fill, width=round(width * SCALE), joint="curve")
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2, fill)

    def pieslice(self, box, start, end, fill):
        self._draw(fill).pieslice([v * SCALE for v in box], start, end, fill=fill)

    def paste(self, other, x, y, width, height):
        """Another canvas's picture, shrunk into this box."""
        picture = other.image.resize((round(width * SCALE), round(height * SCALE)), Image.Resampling.BILINEAR)
        self.image.paste(picture, (round(x * SCALE), round(y * SCALE)))

    def jpeg(self, quality=84):
        picture = self.image.reduce(SCALE)
        buffer = BytesIO()
        picture.save(buffer, format="JPEG", quality=quality, optimize=True)
        return buffer.getvalue()


# Things scenes are made of. Every size is in the 1600 x 1000 plane.


def sky(c, time="day", horizon=None):
    """Two flat bands of sky, the lower one from `horizon` down."""
    top, bottom = SKIES[time]
    c.rect((0, 0, c.width, c.height), top)
    c.rect((0, horizon or c.height * 0.45, c.width, c.height), bottom)


def halo(c, cx, cy, r, colour, rings=4, strength=0.22):
    """A soft glow of see-through rings around (cx, cy)."""
    for i in range(rings, 0, -1):
        alpha = round(255 * strength * (1 - i / (rings + 1)))
        c.circle(cx, cy, r * (1 + 0.6 * i), (*colour, alpha))


def sun(c, cx, cy, r, colour=SUN):
    halo(c, cx, cy, r, colour)
    c.circle(cx, cy, r, colour)


def ridge_points(rng, width, base, amplitude, step=20):
    waves = [(rng.uniform(0.5, 2.6), rng.uniform(0, math.tau), rng.uniform(0.3, 1.0)) for _ in range(3)]
    points = []
    for x in range(0, width + step, step):
        offset = sum(w * math.sin(f * x / width * math.tau + p) for f, p, w in waves) / 2
        points.append((x, base - amplitude * offset))
    return points


def ridges(c, rng, top, bottom, colours, amplitude=60):
    """Layers of Blue Ridge hills from `top` (the farthest) to `bottom` (the nearest), one per colour."""
    for i, colour in enumerate(colours):
        base = top + (bottom - top) * i / max(len(colours) - 1, 1)
        points = ridge_points(rng, c.width, base, amplitude * (0.6 + 0.25 * i))
        c.polygon([(0, c.height), *points, (c.width, c.height)], colour)


def hill(c, cx, top, half_width, colour):
    """A rounded hill whose crest is at (cx, top)."""
    c.ellipse((cx - half_width, top, cx + half_width, top + half_width * 0.9), colour)
    c.rect((cx - half_width, min(top + half_width * 0.45, c.height), cx + half_width, c.height), colour)


def ground(c, y, colour):
    c.rect((0, y, c.width, c.height), colour)


def round_tree(c, x, ground_y, height, canopy=LEAF, trunk=WOOD):
    c.rect((x - height * 0.05, ground_y - height * 0.55, x + height * 0.05, ground_y), trunk)
    r = height * 0.3
    for dx, dy, k in ((-0.5, 0.1, 0.8), (0.5, 0.1, 0.8), (0, -0.25, 1.0)):
        c.circle(x + dx * r, ground_y - height * 0.7 + dy * r, r * k, canopy)


def pine(c, x, ground_y, height, colour=PRIMARY_DARK):
    c.rect((x - height * 0.03, ground_y - height * 0.2, x + height * 0.03, ground_y), WOOD)
    for i in range(3):
        top = ground_y - height + i * height * 0.22
        half = height * (0.16 + 0.07 * i)
        c.polygon([(x, top), (x - half, top + height * 0.42), (x + half, top + height * 0.42)], colour)


def figure(c, x, ground_y, height, colour, head=None):
    """A person in the plain, rounded style of a sign: a head and a body."""
    r = height * 0.13
    c.circle(x, ground_y - height + r, r, head or mix(colour, BG, 0.45))
    body_top = ground_y - height + 2.25 * r
    c.rect((x - height * 0.2, body_top, x + height * 0.2, ground_y + height * 0.1), colour, radius=height * 0.16)


def holding_hands(c, xs, ground_y, heights, colour):
    """Arms joining neighbouring figures at hand height."""
    for i in range(len(xs) - 1):
        (x1, h1), (x2, h2) = (xs[i], heights[i]), (xs[i + 1], heights[i + 1])
        c.line([(x1 + h1 * 0.15, ground_y - h1 * 0.45), (x2 - h2 * 0.15, ground_y - h2 * 0.45)], colour, 14)


def chair(c, x, floor_y, size, colour):
    """A plain chair seen from the front."""
    leg = mix(colour, TEXT, 0.3)
    c.rect((x - size * 0.42, floor_y - size * 0.5, x - size * 0.34, floor_y), leg)
    c.rect((x + size * 0.34, floor_y - size * 0.5, x + size * 0.42, floor_y), leg)
    c.rect((x - size * 0.45, floor_y - size * 1.25, x + size * 0.45, floor_y - size * 0.6), colour, radius=size * 0.1)
    c.rect((x - size * 0.5, floor_y - size * 0.62, x + size * 0.5, floor_y - size * 0.48), leg, radius=size * 0.05)


def leaf(c, x, y, size, angle, colour):
    """A leaf: two arcs meeting at the tips, turned by `angle` (radians)."""
    outline = []
    for i in range(13):
        t = math.pi * i / 12
        outline.append((size * (i / 12 - 0.5), size * 0.32 * math.sin(t)))
    outline += [(px, -py) for px, py in reversed(outline[1:-1])]
    cos, sin = math.cos(angle), math.sin(angle)
    c.polygon([(x + px * cos - py * sin, y + px * sin + py * cos) for px, py in outline], colour)


def flame(c, x, base_y, size, colour=GOLD, core=NOTICE):
    c.circle(x, base_y - size * 0.35, size * 0.35, colour)
    shoulder = base_y - size * 0.45
    c.polygon([(x - size * 0.33, shoulder), (x, base_y - size * 1.3), (x + size * 0.33, shoulder)], colour)
    c.circle(x, base_y - size * 0.3, size * 0.17, core)


def candle(c, x, base_y, width, height, colour=BG):
    halo(c, x, base_y - height - width * 0.45, width * 0.9, NOTICE, rings=5, strength=0.18)
    c.rect((x - width / 2, base_y - height, x + width / 2, base_y), colour, radius=width * 0.12)
    c.line([(x, base_y - height), (x, base_y - height - width * 0.15)], TEXT, 5)
    flame(c, x, base_y - height - width * 0.1, width * 0.7)


def wave_band(c, rng, y, amplitude, colour, wavelength=320):
    phase = rng.uniform(0, math.tau)
    points = [(x, y + amplitude * math.sin(x / wavelength * math.tau + phase)) for x in range(0, c.width + 20, 20)]
    c.polygon([(0, c.height), *points, (c.width, c.height)], colour)


def stars(c, rng, count, top, bottom, colour=NOTICE):
    for _ in range(count):
        c.circle(rng.uniform(0, c.width), rng.uniform(top, bottom), rng.uniform(2, 4.5), colour)


def window(c, box, time="day", rng=None, frame=BG):
    """A window onto the ridges, with a frame and a cross bar."""
    left, top, right, bottom = box
    view = Canvas(size=(round(right - left), round(bottom - top)))
    sky(view, time, horizon=(bottom - top) * 0.5)
    if time == "evening":
        view.circle((right - left) * 0.72, (bottom - top) * 0.25, (bottom - top) * 0.06, NOTICE)
        hills = EVENING_HILLS
    else:
        sun(view, (right - left) * 0.7, (bottom - top) * 0.3, (bottom - top) * 0.09)
        hills = [MIST, tint(PRIMARY, 0.55), TEAL]
    ridges(view, rng, (bottom - top) * 0.55, (bottom - top) * 0.85, hills, 30)
    c.image.paste(view.image, (round(left * SCALE), round(top * SCALE)))
    bar = 16
    c.rect((left - bar, top - bar, right + bar, top), frame)
    c.rect((left - bar, bottom, right + bar, bottom + bar * 1.6), frame)
    c.rect((left - bar, top, left, bottom), frame)
    c.rect((right, top, right + bar, bottom), frame)
    c.rect(((left + right) / 2 - bar / 2, top, (left + right) / 2 + bar / 2, bottom), frame)
    c.rect((left, (top + bottom) / 2 - bar / 2, right, (top + bottom) / 2 + bar / 2), frame)


def plant(c, x, floor_y, size, pot=CLAY, leaves=LEAF):
    for angle in (-2.2, -1.6, -1.0, -1.9, -1.3):
        length = size * 0.9
        tip = (x + math.cos(angle) * length * 0.6, floor_y - size * 0.55 + math.sin(angle) * length * 0.6)
        leaf(c, (x + tip[0]) / 2, (floor_y - size * 0.55 + tip[1]) / 2, length * 0.7, angle, leaves)
    c.polygon(
        [
            (x - size * 0.3, floor_y - size * 0.55),
            (x + size * 0.3, floor_y - size * 0.55),
            (x + size * 0.22, floor_y),
            (x - size * 0.22, floor_y),
        ],
        pot,
    )
