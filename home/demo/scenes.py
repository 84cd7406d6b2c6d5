"""The demo pictures: one flat illustration for each thing a demo page is about.

Each scene is a function of a canvas and a random source seeded with the picture's title
(the drift of leaves, the line of the ridges), so two pictures of one scene still differ and
the same title always gives the same picture. `SCENES` names them for the demo loaders.
Subjects keep to the middle of the plane, which every crop the templates ask for keeps
(3:2 cards, 16:9 article heroes, the 4:3 home hero, 1.91:1 social cards).
"""

import math
from functools import partial

from .drawing import (
    ACCENT,
    BG,
    BORDER,
    CLAY,
    DUSK,
    EVENING_HILLS,
    GOLD,
    GREEN,
    LEAF,
    MIST,
    MUTED,
    NIGHT,
    NOTICE,
    PEACH,
    PRIMARY,
    PRIMARY_DARK,
    PRIMARY_SOFT,
    SAGE,
    SKIES,
    TEAL,
    TEXT,
    WARM,
    WOOD,
    Canvas,
    candle,
    chair,
    figure,
    flame,
    ground,
    halo,
    hill,
    holding_hands,
    leaf,
    mix,
    pine,
    plant,
    ridges,
    round_tree,
    sky,
    stars,
    sun,
    tint,
    wave_band,
    window,
)

HILLS = [MIST, tint(PRIMARY, 0.55), TEAL]
GREEN_HILLS = [SAGE, tint(GREEN, 0.45), LEAF]
LEAF_COLOURS = [CLAY, PEACH, GOLD, tint(ACCENT, 0.5), SAGE]
# Softened so it sits with the rest; the violet is the one colour not mixed from a token.
RAINBOW = [CLAY, mix(ACCENT, GOLD, 0.6), GOLD, SAGE, TEAL, tint((96, 76, 130), 0.25)]


def room(c, floor_y=700):
    c.rect((0, 0, c.width, floor_y), WARM)
    c.rect((0, floor_y, c.width, c.height), tint(BORDER, 0.45))


def circle_of_chairs(c, rng, time="day"):
    """A room with a circle of chairs on a rug and a window on the ridges: a group about to meet."""
    room(c, 600)
    window(c, (520, 110, 1080, 440), time, rng)
    if time == "evening":
        halo(c, 1330, 330, 40, NOTICE, rings=5, strength=0.3)
        c.polygon([(1290, 300), (1370, 300), (1390, 360), (1270, 360)], GOLD)
        c.rect((1325, 360, 1335, 620), TEXT)
    else:
        plant(c, 1400, 640, 180)
    c.ellipse((250, 620, 1350, 940), PEACH)
    c.ellipse((350, 670, 1250, 890), tint(ACCENT, 0.8))
    colours = [PRIMARY, CLAY, TEAL, GOLD, PRIMARY_DARK, tint(ACCENT, 0.5), LEAF]
    angles = [math.tau * (i + 0.5) / len(colours) - math.pi / 2 for i in range(len(colours))]
    seats = [(800 + 430 * math.cos(a), 770 + 120 * math.sin(a), col) for a, col in zip(angles, colours, strict=True)]
    for x, y, colour in sorted(seats, key=lambda seat: seat[1]):
        chair(c, x, y + 60, 95 + (y - 650) * 0.35, colour)


def river_valley(c, rng, time="day"):
    """The Blue Ridge with a river winding out of the hills towards us."""
    sky(c, time, 420)
    sun(c, 1050, 300 if time == "day" else 380, 60)
    ridges(c, rng, 380, 560, [MIST, tint(PRIMARY, 0.55), TEAL], 50)
    ground(c, 640, SAGE)
    ridges(c, rng, 600, 640, [tint(GREEN, 0.45)], 25)
    phase = rng.uniform(0, math.tau)
    left, right = [], []
    for i in range(0, 41):
        y = 600 + i * 10
        centre = 800 + 160 * math.sin(i / 40 * math.pi * 1.6 + phase) * (i / 40)
        half = 12 + i * 5.5
        left.append((centre - half, y))
        right.append((centre + half, y))
    c.polygon([*left, *reversed(right)], tint(PRIMARY, 0.5))
    for x in (260, 360, 1280, 1380):
        pine(c, x, 700 + (x % 3) * 20, 230)


def together(c, rng):
    """People standing close on a hilltop under the sun: company, support."""
    sky(c, "dawn", 520)
    sun(c, 800, 360, 150)
    ridges(c, rng, 560, 620, [MIST, tint(PRIMARY, 0.6)], 40)
    hill(c, 800, 700, 700, LEAF)
    people = [
        (560, 250, PRIMARY),
        (700, 300, CLAY),
        (840, 270, PRIMARY_DARK),
        (975, 230, tint(ACCENT, 0.5)),
        (1090, 280, TEAL),
    ]
    for x, height, colour in people:
        figure(c, x, 760, height, colour)


def family(c, rng, heights=(330, 300, 190), time="day"):
    """A family holding hands on a path: caring for the people you love."""
    sky(c, time, 520)
    sun(c, 1180, 280, 80)
    ridges(c, rng, 520, 640, HILLS, 40)
    ground(c, 720, SAGE)
    c.polygon([(700, 720), (900, 720), (1200, 1000), (400, 1000)], tint(BORDER, 0.3))
    colours = [PRIMARY, CLAY, TEAL, GOLD]
    xs = [800 - 120 * (len(heights) - 1) + 240 * i for i in range(len(heights))]
    holding_hands(c, xs, 830, list(heights), TEXT)
    for x, height, colour in zip(xs, heights, colours, strict=False):
        figure(c, x, 830, height, colour)


def library(c, rng):
    """Shelves of books, a reading table and a lamp: a quiet room where a group might meet."""
    room(c, 720)
    for left in (240, 920):
        c.rect((left, 120, left + 440, 700), WOOD)
        for shelf in range(4):
            top = 140 + shelf * 140
            c.rect((left + 20, top, left + 420, top + 120), mix(WOOD, TEXT, 0.4))
            x = left + 28
            while x < left + 400:
                width = rng.randint(22, 40)
                height = rng.randint(80, 112)
                colour = rng.choice([PRIMARY, CLAY, TEAL, GOLD, PEACH, PRIMARY_DARK, SAGE, BG])
                c.rect((x, top + 120 - height, min(x + width, left + 412), top + 120), colour)
                x += width + 4
    c.rect((420, 700, 1180, 740), WOOD, radius=8)
    c.rect((460, 740, 490, 950), WOOD)
    c.rect((1110, 740, 1140, 950), WOOD)
    c.polygon([(640, 690), (780, 670), (780, 700), (640, 712)], BG)
    c.polygon([(920, 690), (780, 670), (780, 700), (920, 712)], PRIMARY_SOFT)
    halo(c, 1000, 560, 60, NOTICE, rings=5, strength=0.35)
    c.rect((995, 560, 1005, 700), TEXT)
    c.polygon([(940, 580), (1060, 580), (1030, 500), (970, 500)], PRIMARY)
    c.rect((960, 690, 1040, 702), TEXT)


def breathing_waves(c, rng, time="dawn"):
    """Slow waves under a low sun: breathing in, breathing out."""
    sky(c, time, 400)
    sun(c, 800, 430, 120)
    colours = [PRIMARY_SOFT, MIST, tint(PRIMARY, 0.55), TEAL, PRIMARY]
    for i, colour in enumerate(colours):
        wave_band(c, rng, 500 + i * 90, 22 + i * 6, colour, wavelength=380 + i * 60)


def fog_lifting(c, rng):
    """Ridges with mist lifting from the valleys and the sun coming through."""
    sky(c, "day", 380)
    sun(c, 560, 300, 90)
    for i, colour in enumerate([MIST, tint(PRIMARY, 0.55), TEAL, PRIMARY]):
        ridges(c, rng, 380 + i * 120, 380 + i * 120, [colour], 55)
        y = 470 + i * 120
        for _ in range(3):
            x = rng.uniform(-100, 1500)
            c.rect((x, y, x + rng.uniform(300, 600), y + 36), (*BG, 150), radius=18)


def window_light(c, rng):
    """A window with morning light falling across the floor and a plant on the sill."""
    room(c, 720)
    window(c, (500, 110, 1000, 560), "dawn", rng)
    c.polygon([(500, 560), (1000, 560), (1300, 1000), (700, 1000)], (*NOTICE, 140))
    c.polygon([(500, 560), (1000, 560), (1020, 540), (480, 540)], BG)
    plant(c, 880, 545, 150)
    c.rect((1160, 520, 1420, 720), PEACH, radius=30)
    c.rect((1130, 600, 1450, 760), CLAY, radius=30)
    c.rect((1150, 760, 1170, 820), WOOD)
    c.rect((1410, 760, 1430, 820), WOOD)


def winding_path(c, rng, time="dawn"):
    """A path that winds up the hill towards the sunrise: not straight, still going somewhere."""
    sky(c, time, 420)
    sun(c, 820, 400, 100)
    ridges(c, rng, 420, 520, [MIST, tint(PRIMARY, 0.55)], 40)
    ground(c, 560, SAGE)
    ridges(c, rng, 560, 600, [tint(GREEN, 0.45)], 30)
    centre_line = [(800 + 260 * math.sin(t / 30 * math.pi * 2.2), 580 + t * 14) for t in range(31)]
    left = [(x - 6 - (y - 580) * 0.22, y) for x, y in centre_line]
    right = [(x + 6 + (y - 580) * 0.22, y) for x, y in centre_line]
    c.polygon([*left, *reversed(right)], tint(BORDER, 0.2))
    for x in (300, 1300, 1420):
        round_tree(c, x, 820, 260, LEAF)


def candle_and_leaves(c, rng, count=1, time="evening"):
    """Candles lit in the dark with leaves drifting down: remembering someone."""
    background = mix(NIGHT, DUSK, 0.4) if time == "evening" else tint(PRIMARY, 0.6)
    c.rect((0, 0, c.width, c.height), background)
    c.rect((0, 780, c.width, c.height), mix(background, TEXT, 0.35))
    for i in range(count):
        x = 800 + (i - (count - 1) / 2) * 200
        candle(c, x, 800 - (i % 2) * 10, 110, 300 - (i % 2) * 90 - (i > 1) * 40)
    for _ in range(14):
        x, y = rng.uniform(120, 1480), rng.uniform(60, 900)
        if abs(x - 800) < 120 * count:
            continue
        leaf(c, x, y, rng.uniform(50, 80), rng.uniform(0, math.tau), rng.choice(LEAF_COLOURS))


def lit_house(c, rng):
    """A small house with lit windows at dusk: a warm evening at home."""
    sky(c, "evening", 460)
    stars(c, rng, 40, 20, 360)
    c.circle(1220, 180, 50, NOTICE)
    ridges(c, rng, 480, 600, EVENING_HILLS, 45)
    ground(c, 760, mix(NIGHT, PRIMARY_DARK, 0.5))
    c.rect((600, 540, 1000, 800), CLAY)
    c.polygon([(560, 560), (800, 380), (1040, 560)], mix(ACCENT, TEXT, 0.45))
    for left in (650, 880):
        halo(c, left + 35, 630, 40, NOTICE, rings=3, strength=0.25)
        c.rect((left, 600, left + 70, 670), GOLD)
    c.rect((770, 660, 830, 800), mix(ACCENT, TEXT, 0.45))
    for x in (380, 1200, 1320):
        pine(c, x, 790, 260, NIGHT)


def cup_of_tea(c, rng, cups=1):
    """A cup of tea steaming on a table by the window: a moment to look after yourself."""
    room(c, 640)
    window(c, (560, 90, 1040, 480), "day", rng)
    c.rect((0, 620, c.width, 680), WOOD)
    c.rect((0, 680, c.width, c.height), mix(WOOD, TEXT, 0.3))
    colours = [CLAY, PRIMARY, GOLD]
    for i in range(cups):
        x = 800 + (i - (cups - 1) / 2) * 300
        colour = colours[i]
        c.rect((x - 160, 640, x + 160, 660), BG, radius=10)
        c.ellipse((x + 60, 500, x + 180, 600), colour)
        c.ellipse((x + 90, 525, x + 150, 575), WARM if i else mix(WARM, BORDER, 0.2))
        c.rect((x - 110, 440, x + 110, 640), colour, radius=40)
        c.ellipse((x - 110, 420, x + 110, 470), mix(colour, TEXT, 0.3))
        for dx in (-50, 0, 50):
            phase = rng.uniform(0, math.tau)
            c.line([(x + dx + 18 * math.sin(t / 3 + phase), 400 - t * 14) for t in range(10)], (*BG, 220), 10)
    plant(c, 1350, 620, 200)


def forest_trail(c, rng, time="day"):
    """A trail between the pines towards the light on the ridges: a walk outside."""
    sky(c, time, 380)
    sun(c, 800, 300, 70)
    ridges(c, rng, 380, 460, [MIST, tint(PRIMARY, 0.55)], 35)
    ground(c, 500, SAGE)
    c.polygon([(760, 500), (840, 500), (1250, 1000), (350, 1000)], tint(BORDER, 0.2))
    for side in (-1, 1):
        for i in range(5):
            x = 800 + side * (160 + i * 150 + rng.uniform(-20, 20))
            height = 300 + i * 110
            pine(c, x, 560 + i * 90, height, PRIMARY_DARK if i % 2 else mix(PRIMARY_DARK, GREEN, 0.5))


def stepping_stones(c, rng):
    """Stepping stones across a shallow river, one at a time."""
    sky(c, "dawn", 360)
    sun(c, 1100, 260, 70)
    ridges(c, rng, 330, 420, [MIST, tint(PRIMARY, 0.55)], 35)
    ground(c, 460, SAGE)
    c.polygon([(0, 560), (1600, 500), (1600, 860), (0, 900)], tint(PRIMARY, 0.5))
    for _ in range(14):
        x, y = rng.uniform(0, 1500), rng.uniform(560, 860)
        c.rect((x, y, x + rng.uniform(80, 200), y + 10), MIST, radius=5)
    for i in range(6):
        x = 330 + i * 190
        y = 880 - i * 70 + rng.uniform(-10, 10)
        c.ellipse((x - 80, y - 35, x + 80, y + 30), BORDER)
        c.ellipse((x - 70, y - 35, x + 70, y + 10), tint(BORDER, 0.5))
    for x in (120, 1500):
        for dx in range(-40, 50, 20):
            c.line([(x + dx, 1000), (x + dx * 1.5, 840)], LEAF, 10)


def signpost(c, rng):
    """A signpost where the path divides: choosing the way that fits."""
    sky(c, "day", 420)
    sun(c, 1200, 240, 70)
    ridges(c, rng, 420, 520, HILLS[:2], 40)
    ground(c, 560, SAGE)
    c.polygon([(780, 1000), (1020, 1000), (820, 700), (780, 700)], tint(BORDER, 0.2))
    c.polygon([(800, 700), (830, 700), (400, 560), (380, 560)], tint(BORDER, 0.2))
    c.polygon([(790, 700), (820, 700), (1260, 560), (1240, 560)], tint(BORDER, 0.2))
    c.rect((785, 420, 815, 760), WOOD)
    c.polygon([(650, 440), (790, 440), (790, 500), (650, 500), (615, 470)], CLAY)
    c.polygon([(810, 520), (960, 520), (995, 550), (960, 580), (810, 580)], PRIMARY)
    c.polygon([(650, 600), (790, 600), (790, 650), (650, 650), (620, 625)], GOLD)
    for x in (260, 1390):
        round_tree(c, x, 700, 280, LEAF)


def open_door(c, rng):
    """An open door with warm light spilling out and a plant either side: you are welcome."""
    c.rect((0, 0, c.width, c.height), PRIMARY_SOFT)
    c.rect((300, 80, 1300, 820), PEACH)
    c.rect((0, 820, c.width, c.height), tint(BORDER, 0.3))
    c.rect((640, 260, 960, 820), WOOD)
    c.rect((660, 280, 940, 820), NOTICE)
    c.polygon([(660, 280), (760, 320), (760, 860), (660, 820)], PRIMARY)
    c.circle(740, 560, 9, GOLD)
    c.polygon([(660, 820), (940, 820), (1060, 1000), (560, 1000)], (*NOTICE, 170))
    c.rect((700, 860, 900, 900), CLAY, radius=8)
    halo(c, 800, 200, 24, NOTICE, rings=4, strength=0.4)
    c.rect((780, 180, 820, 225), GOLD, radius=8)
    for x in (480, 1120):
        plant(c, x, 830, 220)


def seedling(c, rng, time="dawn"):
    """A seedling opening its first leaves in the sun: growing back, at its own pace."""
    sky(c, time, 520)
    sun(c, 800, 330, 130)
    ridges(c, rng, 560, 620, HILLS[:2], 30)
    c.ellipse((300, 720, 1300, 1160), mix(WOOD, BG, 0.3))
    c.line([(800, 760), (800, 600), (805, 520)], LEAF, 18)
    leaf(c, 710, 560, 190, -0.5, LEAF)
    leaf(c, 895, 500, 210, 0.45 + math.pi, tint(GREEN, 0.15))
    for x in (470, 1130):
        c.line([(x, 770), (x, 735)], SAGE, 10)


def park_bench(c, rng, people=2):
    """Two people side by side on a park bench under the trees: someone to talk to."""
    sky(c, "day", 460)
    ridges(c, rng, 440, 520, HILLS[:2], 35)
    ground(c, 580, SAGE)
    round_tree(c, 330, 700, 520, LEAF)
    round_tree(c, 1290, 680, 460, tint(GREEN, 0.45))
    colours = [CLAY, PRIMARY]
    for i in range(people):
        figure(c, 700 + i * 200, 760, 300, colours[i])
    c.rect((500, 640, 1100, 690), WOOD, radius=10)
    c.rect((480, 730, 1120, 770), WOOD, radius=10)
    for x in (530, 1050):
        c.rect((x, 690, x + 20, 860), mix(WOOD, TEXT, 0.4))


def easel(c, rng):
    """An easel with a half-painted picture of the hills and a palette of paints: making something."""
    room(c, 760)
    window(c, (140, 140, 520, 520), "day", rng)
    c.line([(700, 900), (800, 180)], WOOD, 22)
    c.line([(900, 900), (800, 180)], WOOD, 22)
    c.line([(800, 300), (800, 900)], mix(WOOD, TEXT, 0.4), 18)
    painting = Canvas(size=(440, 320))
    sky(painting, "dawn", 150)
    sun(painting, 300, 110, 40)
    ridges(painting, rng, 160, 250, [PEACH, CLAY, TEAL], 25)
    c.rect((570, 260, 1030, 590), BG)
    c.paste(painting, 580, 270, 440, 310)
    c.rect((560, 590, 1040, 615), WOOD)
    c.ellipse((1120, 700, 1460, 880), tint(WOOD, 0.4))
    c.circle(1400, 790, 28, tint(BORDER, 0.4))
    for i, colour in enumerate([CLAY, GOLD, TEAL, PRIMARY, LEAF]):
        c.circle(1180 + i * 50, 740 + (i % 2) * 50, 24, colour)


def autumn_tree(c, rng):
    """A tree letting go of its leaves over an empty bench: loss, and the seasons turning."""
    sky(c, "dawn", 520)
    ridges(c, rng, 520, 600, [PEACH, tint(ACCENT, 0.55)], 35)
    ground(c, 700, tint(BORDER, 0.25))
    c.rect((560, 330, 620, 760), WOOD)
    c.line([(590, 450), (460, 330)], WOOD, 26)
    c.line([(590, 420), (720, 300)], WOOD, 22)
    for dx, dy, r, colour in ((-120, -40, 170, CLAY), (110, -70, 180, tint(ACCENT, 0.5)), (0, -170, 170, GOLD)):
        c.circle(590 + dx, 300 + dy, r, colour)
    for _ in range(16):
        x, y = rng.uniform(700, 1450), rng.uniform(120, 860)
        leaf(c, x, y, rng.uniform(40, 70), rng.uniform(0, math.tau), rng.choice(LEAF_COLOURS))
    c.rect((880, 690, 1280, 725), mix(WOOD, TEXT, 0.2), radius=8)
    c.rect((860, 760, 1300, 790), mix(WOOD, TEXT, 0.2), radius=8)
    for x in (900, 1240):
        c.rect((x, 790, x + 18, 880), mix(WOOD, TEXT, 0.45))


def kite(c, rng):
    """A kite high over the hills, its string held from a hilltop: lifting, young, hopeful."""
    sky(c, "day", 600)
    sun(c, 300, 220, 70)
    for x, y in ((1200, 200), (520, 140)):
        c.rect((x - 120, y, x + 120, y + 50), BG, radius=25)
        c.rect((x - 70, y - 30, x + 60, y + 30), BG, radius=30)
    ridges(c, rng, 640, 700, HILLS[:2], 35)
    hill(c, 560, 760, 560, LEAF)
    figure(c, 560, 800, 220, PRIMARY)
    top = (1000, 180)
    c.polygon([top, (1100, 300), (1000, 480), (900, 300)], CLAY)
    c.polygon([top, (1000, 480), (900, 300)], GOLD)
    c.line([(1000, 480), (620, 680)], TEXT, 4)
    tail = [(1000 + 30 * math.sin(t / 2), 480 + t * 22) for t in range(12)]
    c.line(tail, TEXT, 4)
    for x, y in tail[3::3]:
        leaf(c, x, y, 40, 0, TEAL)


def rainbow(c, rng):
    """A soft rainbow over the ridges and people standing together beneath it: you belong here."""
    sky(c, "day", 620)
    for i, colour in enumerate(RAINBOW):
        r = 560 - i * 44
        c.pieslice((800 - r, 760 - r, 800 + r, 760 + r), 180, 360, colour)
    r = 560 - len(RAINBOW) * 44
    c.pieslice((800 - r, 760 - r, 800 + r, 760 + r), 180, 360, SKIES["day"][1])
    ridges(c, rng, 640, 720, HILLS, 35)
    for x, height, colour in ((650, 230, PRIMARY), (760, 260, CLAY), (870, 220, GOLD), (980, 250, PRIMARY_DARK)):
        figure(c, x, 920, height, colour)


def campfire(c, rng):
    """People round a campfire under the evening stars: an evening circle."""
    sky(c, "evening", 520)
    stars(c, rng, 50, 20, 420)
    ridges(c, rng, 500, 620, EVENING_HILLS, 40)
    ground(c, 700, mix(NIGHT, PRIMARY_DARK, 0.5))
    halo(c, 800, 740, 120, GOLD, rings=5, strength=0.25)
    for x, height, colour in ((470, 230, PRIMARY), (600, 200, CLAY), (1000, 210, TEAL), (1130, 230, MUTED)):
        figure(c, x, 820, height, colour)
    c.line([(700, 830), (900, 800)], WOOD, 26)
    c.line([(700, 800), (900, 830)], mix(WOOD, TEXT, 0.3), 26)
    flame(c, 800, 810, 200, CLAY, GOLD)
    flame(c, 800, 805, 120, GOLD, NOTICE)


def porch(c, rng):
    """Two rocking chairs on a porch looking out over the ridges at sunset: later life, side by side."""
    sky(c, "dawn", 380)
    sun(c, 800, 330, 90)
    ridges(c, rng, 360, 520, [PEACH, tint(ACCENT, 0.55), tint(PRIMARY, 0.45)], 40)
    c.rect((0, 560, c.width, 600), BG)
    for x in range(40, c.width, 80):
        c.rect((x, 600, x + 22, 760), BG)
    c.rect((0, 760, c.width, c.height), tint(WOOD, 0.35))
    for x, colour in ((580, PRIMARY), (1020, CLAY)):
        c.pieslice((x - 200, 720, x + 200, 920), 20, 160, mix(colour, TEXT, 0.3))
        c.pieslice((x - 200, 700, x + 200, 900), 0, 180, tint(WOOD, 0.35))
        chair(c, x, 880, 300, colour)
    c.rect((770, 780, 830, 900), WOOD)
    c.circle(800, 770, 40, tint(BORDER, 0.2))
    c.line([(785, 745), (800, 720), (815, 745)], LEAF, 8)


def on_screen(scene):
    """`scene` on a laptop on a table: a group that meets online."""

    def draw(c, rng):
        room(c, 780)
        c.rect((0, 780, c.width, c.height), WOOD)
        picture = Canvas()
        scene(picture, rng)
        c.rect((370, 140, 1230, 700), TEXT, radius=24)
        c.paste(picture, 400, 170, 800, 500)
        c.polygon([(300, 700), (1300, 700), (1360, 760), (240, 760)], BORDER)
        c.rect((720, 712, 880, 726), mix(BORDER, TEXT, 0.3), radius=6)
        plant(c, 1420, 780, 200)

    return draw


SCENES = {
    "circle-of-chairs": circle_of_chairs,
    "circle-of-chairs-evening": partial(circle_of_chairs, time="evening"),
    "river-valley": river_valley,
    "river-valley-dawn": partial(river_valley, time="dawn"),
    "together": together,
    "family": family,
    "family-of-four": partial(family, heights=(330, 190, 300, 160), time="dawn"),
    "parent-and-teen": partial(family, heights=(330, 290), time="dawn"),
    "library": library,
    "breathing-waves": breathing_waves,
    "breathing-waves-online": on_screen(partial(breathing_waves, time="day")),
    "fog-lifting": fog_lifting,
    "window-light": window_light,
    "winding-path": winding_path,
    "winding-path-day": partial(winding_path, time="day"),
    "candle": candle_and_leaves,
    "two-candles": partial(candle_and_leaves, count=2),
    "candles-online": on_screen(partial(candle_and_leaves, count=3)),
    "lit-house": lit_house,
    "cup-of-tea": cup_of_tea,
    "two-cups": partial(cup_of_tea, cups=2),
    "forest-trail": forest_trail,
    "forest-trail-dawn": partial(forest_trail, time="dawn"),
    "stepping-stones": stepping_stones,
    "signpost": signpost,
    "open-door": open_door,
    "seedling": seedling,
    "seedling-day": partial(seedling, time="day"),
    "park-bench": park_bench,
    "easel": easel,
    "autumn-tree": autumn_tree,
    "kite": kite,
    "rainbow": rainbow,
    "campfire": campfire,
    "porch": porch,
}
