"""Pictures for the demo content, drawn with Pillow: simple illustrations, no photographs.

Every picture is deterministic: the same motif, seed, palette and label give the same bytes on
the same machine (the label font is the system's DejaVu Sans when present, else Pillow's own).
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH, HEIGHT = 1600, 1067
HORIZON = 760
LABEL_BAND = 76

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    sky_top: RGB
    sky_bottom: RGB
    ground: RGB
    shape: RGB
    light: RGB


PALETTES: dict[str, Palette] = {
    "night": Palette((10, 16, 44), (62, 56, 112), (24, 26, 44), (9, 11, 24), (255, 212, 120)),
    "dusk": Palette((44, 42, 104), (242, 152, 112), (52, 42, 62), (30, 25, 46), (255, 222, 140)),
    "day": Palette((86, 146, 218), (204, 226, 246), (96, 144, 84), (74, 82, 98), (252, 252, 252)),
    "frost": Palette(
        (148, 178, 214), (250, 214, 190), (222, 230, 240), (78, 84, 102), (255, 238, 196)
    ),
    "autumn": Palette(
        (118, 158, 200), (242, 210, 162), (146, 108, 60), (88, 60, 42), (255, 230, 150)
    ),
    "studio": Palette((28, 30, 38), (64, 68, 80), (40, 42, 50), (18, 20, 26), (120, 190, 255)),
}

Draw = ImageDraw.ImageDraw
Motif = Callable[[Draw, random.Random, Palette], None]


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


@cache
def _sky(palette: Palette) -> Image.Image:
    """A vertical gradient from the top to the bottom colour; callers draw on a copy."""
    column = Image.linear_gradient("L").resize((1, HEIGHT), Image.Resampling.BILINEAR)
    coloured = ImageOps.colorize(column, black=palette.sky_top, white=palette.sky_bottom)
    return coloured.resize((WIDTH, HEIGHT), Image.Resampling.NEAREST)


def _stars(draw: Draw, rnd: random.Random, palette: Palette, count: int = 90) -> None:
    for _ in range(count):
        x, y, r = rnd.randrange(WIDTH), rnd.randrange(HORIZON - 200), rnd.choice((1, 2, 2, 3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_mix(palette.light, (255, 255, 255), 0.6))


def _snow(draw: Draw, rnd: random.Random, count: int = 160) -> None:
    for _ in range(count):
        x, y, r = rnd.randrange(WIDTH), rnd.randrange(HEIGHT), rnd.choice((2, 3, 4, 5))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(245, 248, 255))


def _hills(draw: Draw, rnd: random.Random, palette: Palette, base: int = HORIZON) -> None:
    """Two layers of rolling hills (the Pfälzerwald on the horizon)."""
    for layer, shade in ((0, 0.35), (1, 0.0)):
        offset = rnd.uniform(0, math.tau)
        amplitude = 40 + 30 * layer
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 41, 40):
            y = base - 90 + 70 * layer + amplitude * math.sin(x / (230 + 90 * layer) + offset)
            points.append((x, round(y)))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=_mix(palette.ground, palette.sky_bottom, shade))


def _ground(draw: Draw, palette: Palette, top: int = HORIZON) -> None:
    draw.rectangle((0, top, WIDTH, HEIGHT), fill=palette.ground)


def _windows(
    draw: Draw, rnd: random.Random, box: tuple[int, int, int, int], palette: Palette
) -> None:
    x0, y0, x1, y1 = box
    for y in range(y0 + 24, y1 - 30, 46):
        for x in range(x0 + 18, x1 - 26, 38):
            if rnd.random() < 0.55:
                draw.rectangle((x, y, x + 16, y + 24), fill=palette.light)


def _town(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A row of houses with a church tower, seen from the edge of town."""
    _hills(draw, rnd, palette)
    x = -20
    while x < WIDTH:
        w, h = rnd.randrange(90, 190), rnd.randrange(120, 320)
        top = HORIZON + 60 - h
        draw.rectangle((x, top, x + w, HEIGHT), fill=palette.shape)
        draw.polygon(
            [(x - 8, top), (x + w // 2, top - rnd.randrange(40, 90)), (x + w + 8, top)],
            fill=palette.shape,
        )
        _windows(draw, rnd, (x, top, x + w, HORIZON + 60), palette)
        x += w + rnd.randrange(0, 30)
    tx = rnd.randrange(300, WIDTH - 300)
    draw.rectangle((tx, 260, tx + 90, HEIGHT), fill=palette.shape)
    draw.polygon([(tx - 10, 262), (tx + 45, 110), (tx + 100, 262)], fill=palette.shape)
    draw.ellipse((tx + 25, 300, tx + 65, 340), fill=palette.light)


def _city_hall(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A tall town-hall tower block above the roofs of the city centre."""
    _hills(draw, rnd, palette)
    x0, x1 = 640, 960
    draw.rectangle((x0, 120, x1, HEIGHT), fill=palette.shape)
    draw.rectangle((x0 - 10, 100, x1 + 10, 130), fill=palette.shape)
    for y in range(160, HORIZON, 28):
        for x in range(x0 + 16, x1 - 16, 24):
            if rnd.random() < 0.6:
                draw.rectangle((x, y, x + 14, y + 16), fill=palette.light)
    for x in range(-20, WIDTH, 160):
        if x0 - 140 < x < x1:
            continue
        h = rnd.randrange(140, 260)
        draw.rectangle((x, HORIZON + 80 - h, x + 140, HEIGHT), fill=palette.shape)
        _windows(draw, rnd, (x, HORIZON + 80 - h, x + 140, HORIZON + 80), palette)


def _person(draw: Draw, cx: int, cy: int, scale: float, colour: RGB) -> None:
    head = round(38 * scale)
    draw.ellipse((cx - head, cy - 3 * head, cx + head, cy - head), fill=colour)
    draw.rounded_rectangle(
        (cx - round(2.2 * head), cy - round(0.8 * head), cx + round(2.2 * head), cy + 2 * head),
        radius=round(1.2 * head),
        fill=colour,
    )


def _video_call(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """Six tiles of a video conference, one person in each."""
    margin, gap = 70, 24
    cols, rows = 3, 2
    tile_w = (WIDTH - 2 * margin - (cols - 1) * gap) // cols
    tile_h = (HEIGHT - LABEL_BAND - 2 * margin - (rows - 1) * gap) // rows
    tones = [
        (70, 110, 160),
        (150, 96, 88),
        (86, 140, 110),
        (138, 118, 170),
        (170, 140, 80),
        (96, 120, 140),
    ]
    rnd.shuffle(tones)
    for i in range(cols * rows):
        col, row = i % cols, i // cols
        x = margin + col * (tile_w + gap)
        y = margin + row * (tile_h + gap)
        draw.rounded_rectangle(
            (x, y, x + tile_w, y + tile_h), radius=18, fill=_mix(tones[i], palette.sky_top, 0.55)
        )
        _person(draw, x + tile_w // 2, y + tile_h - 60, 1.3, _mix(tones[i], (255, 255, 255), 0.25))
        draw.rounded_rectangle(
            (x + 16, y + tile_h - 46, x + 190, y + tile_h - 14), radius=8, fill=palette.sky_top
        )
    draw.rounded_rectangle(
        (margin + 4, margin + 4, margin + tile_w - 4, margin + tile_h - 4),
        radius=16,
        outline=palette.light,
        width=6,
    )


def _ballot_box(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    _ground(draw, palette, HORIZON + 40)
    draw.polygon([(520, 420), (1080, 420), (1160, 520), (440, 520)], fill=(214, 220, 232))
    draw.rectangle((440, 520, 1160, HORIZON + 120), fill=(236, 240, 246))
    draw.rectangle((700, 455, 900, 475), fill=(40, 44, 60))
    draw.polygon(
        [(720, 180), (880, 200), (850, 470), (700, 455)],
        fill=(255, 255, 255),
        outline=(120, 124, 140),
    )
    draw.line((740, 280, 770, 320, 830, 240), fill=(200, 40, 40), width=14)
    draw.ellipse((740, 580, 860, 700), outline=palette.sky_top, width=10)


def _concert_hall(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A long two-storey hall with arcades and a steep roof: the Fruchthalle, simplified."""
    _ground(draw, palette, HORIZON)
    x0, x1, base = 260, 1340, HORIZON + 40
    wall = _mix(palette.shape, palette.light, 0.18)
    draw.rectangle((x0, 360, x1, base), fill=wall)
    draw.polygon(
        [(x0 - 30, 362), (x0 + 120, 200), (x1 - 120, 200), (x1 + 30, 362)], fill=palette.shape
    )
    for storey, (top, height) in enumerate(((400, 130), (570, 160))):
        for x in range(x0 + 40, x1 - 60, 98):
            glow = palette.light if storey or rnd.random() < 0.8 else palette.shape
            draw.rectangle((x, top + 30, x + 62, top + height), fill=glow)
            draw.pieslice((x, top, x + 62, top + 62), 180, 360, fill=glow)
    draw.rectangle((x0, 540, x1, 556), fill=palette.shape)
    draw.rectangle((0, base, WIDTH, base + 14), fill=_mix(palette.ground, palette.light, 0.2))


def _conductor(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """An orchestra on stage, the conductor with raised baton in front."""
    draw.rectangle((0, HORIZON - 40, WIDTH, HEIGHT), fill=(60, 36, 28))
    for i in range(5):
        draw.pieslice(
            (200 - i * 60, 300 + i * 40, 1400 + i * 60, 1300 + i * 60),
            180,
            360,
            outline=_mix(palette.light, palette.sky_top, 0.6),
            width=4,
        )
    for row in range(3):
        for k in range(9 - 2 * row):
            cx = 320 + row * 110 + k * 125 + rnd.randrange(-10, 10)
            _person(draw, cx, 620 - row * 70, 0.6, _mix(palette.shape, palette.sky_bottom, 0.2))
            draw.line(
                (cx - 30, 640 - row * 70, cx + 30, 600 - row * 70), fill=palette.light, width=3
            )
    _person(draw, 800, 930, 1.5, palette.shape)
    draw.line((880, 820, 1060, 640), fill=(250, 250, 250), width=8)


def _note(draw: Draw, x: int, y: int, colour: RGB, flag: bool = True) -> None:
    draw.ellipse((x, y, x + 44, y + 32), fill=colour)
    draw.rectangle((x + 38, y - 120, x + 46, y + 16), fill=colour)
    if flag:
        draw.polygon([(x + 46, y - 120), (x + 90, y - 70), (x + 46, y - 86)], fill=colour)


def _notes(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """Music notes floating over a winter night (or a plain sky)."""
    _hills(draw, rnd, palette)
    for line in range(5):
        points = [
            (x, 340 + line * 26 + round(60 * math.sin(x / 260))) for x in range(0, WIDTH + 1, 40)
        ]
        draw.line(points, fill=_mix(palette.light, palette.sky_top, 0.35), width=4)
    for i in range(9):
        x = 120 + i * 160 + rnd.randrange(-30, 30)
        y = 330 + round(60 * math.sin(x / 260)) + rnd.randrange(0, 5) * 13
        _note(draw, x, y, palette.light, flag=rnd.random() < 0.6)


def _violin(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A violin and its bow, laid diagonally."""
    body = Image.new("L", (WIDTH, HEIGHT), 0)
    shape = ImageDraw.Draw(body)
    shape.ellipse((620, 200, 980, 480), fill=255)
    shape.ellipse((580, 520, 1020, 860), fill=255)
    shape.rectangle((680, 400, 920, 600), fill=255)
    rotated = body.rotate(-28, center=(800, 530))
    draw.bitmap((0, 0), rotated, fill=(150, 74, 30))
    centre = (800, 530)

    def turn(x: float, y: float) -> tuple[float, float]:
        a = math.radians(28)
        dx, dy = x - centre[0], y - centre[1]
        return centre[0] + dx * math.cos(a) - dy * math.sin(a), centre[1] + dx * math.sin(
            a
        ) + dy * math.cos(a)

    draw.line([turn(800, 60), turn(800, 540)], fill=(30, 20, 16), width=34)
    draw.ellipse([*turn(770, 30), *turn(830, 80)], fill=(30, 20, 16))
    for dx in (-12, -4, 4, 12):
        draw.line([turn(800 + dx, 60), turn(800 + dx, 780)], fill=(230, 230, 220), width=2)
    draw.line([turn(700, 900), turn(1240, 120)], fill=palette.light, width=7)


def _animals(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """An elephant and a swan by a pond, with a few notes: "Karneval der Tiere"."""
    _ground(draw, palette, HORIZON - 40)
    draw.ellipse((880, HORIZON - 10, 1540, HORIZON + 150), fill=(90, 150, 200))
    grey = (128, 130, 140)
    draw.ellipse((220, 460, 640, 760), fill=grey)
    for x in (260, 360, 480, 570):
        draw.rectangle((x, 680, x + 56, 860), fill=grey)
    draw.ellipse((560, 380, 780, 600), fill=grey)
    draw.line([(740, 540), (790, 640), (770, 760), (820, 800)], fill=grey, width=44, joint="curve")
    draw.ellipse((620, 440, 650, 470), fill=(30, 30, 30))
    white = (250, 250, 250)
    draw.ellipse((1080, HORIZON + 10, 1340, HORIZON + 110), fill=white)
    draw.line(
        [(1300, HORIZON + 40), (1330, HORIZON - 60), (1290, HORIZON - 170)],
        fill=white,
        width=26,
        joint="curve",
    )
    draw.ellipse((1260, HORIZON - 200, 1320, HORIZON - 150), fill=white)
    draw.polygon(
        [(1262, HORIZON - 178), (1220, HORIZON - 168), (1262, HORIZON - 160)], fill=(240, 140, 40)
    )
    for i in range(4):
        _note(draw, 900 + i * 120, 220 + (i % 2) * 60, palette.light)


def _jubilee(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A large "750" with confetti, for the city's anniversary year."""
    for _ in range(140):
        x, y = rnd.randrange(WIDTH), rnd.randrange(HEIGHT - LABEL_BAND)
        colour = rnd.choice(((230, 60, 60), (250, 200, 60), (80, 160, 230), (255, 255, 255)))
        draw.rectangle((x, y, x + rnd.randrange(8, 20), y + rnd.randrange(8, 20)), fill=colour)
    font = _font(380)
    draw.text((WIDTH // 2, 470), "750", font=font, fill=palette.light, anchor="mm")
    draw.line((420, 700, 1180, 700), fill=palette.light, width=10)


def _castle_ruin(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A castle ruin on a wooded hill at sunrise."""
    draw.ellipse((1120, 260, 1300, 440), fill=palette.light)
    draw.pieslice((200, 520, 1400, 1400), 180, 360, fill=palette.shape)
    _hills(draw, rnd, palette, base=HORIZON + 120)
    stone = _mix(palette.shape, palette.sky_bottom, 0.25)
    draw.rectangle((620, 330, 760, 560), fill=stone)
    draw.rectangle((760, 440, 1000, 560), fill=stone)
    for x in range(620, 760, 35):
        draw.rectangle((x, 305, x + 20, 330), fill=stone)
    draw.rectangle((660, 390, 690, 440), fill=palette.sky_bottom)
    draw.polygon([(1000, 440), (1040, 560), (1000, 560)], fill=stone)
    for _ in range(28):
        x = rnd.randrange(WIDTH)
        y = rnd.randrange(HORIZON + 60, HEIGHT - LABEL_BAND)
        draw.polygon([(x, y - 90), (x - 30, y), (x + 30, y)], fill=(34, 70, 56))
        draw.polygon([(x, y - 90), (x - 12, y - 54), (x + 12, y - 54)], fill=(240, 246, 252))


def _church(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A large Romanesque abbey church with a rose window in the west front."""
    _ground(draw, palette, HORIZON)
    stone = _mix((170, 110, 90), palette.sky_top, 0.35)
    draw.rectangle((500, 330, 1100, HORIZON + 40), fill=stone)
    draw.polygon([(480, 332), (800, 120), (1120, 332)], fill=stone)
    draw.ellipse((700, 380, 900, 580), fill=palette.light)
    draw.ellipse((740, 420, 860, 540), outline=stone, width=10)
    for angle in range(0, 360, 45):
        a = math.radians(angle)
        draw.line((800, 480, 800 + 100 * math.cos(a), 480 + 100 * math.sin(a)), fill=stone, width=6)
    draw.rectangle((760, 640, 840, HORIZON + 40), fill=palette.shape)
    draw.pieslice((760, 600, 840, 680), 180, 360, fill=palette.shape)
    _snow(draw, rnd, 90)


def _market(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """Christmas market stalls under strings of lights, a tree in the middle."""
    _ground(draw, palette, HORIZON)
    draw.polygon([(800, 160), (640, 700), (960, 700)], fill=(30, 90, 50))
    draw.rectangle((780, 700, 820, 780), fill=(80, 50, 30))
    for x in range(80, WIDTH - 200, 380):
        if 560 < x < 900:
            continue
        roof = rnd.choice(((170, 40, 40), (120, 80, 40), (60, 100, 70)))
        draw.polygon([(x - 20, 560), (x + 130, 440), (x + 280, 560)], fill=roof)
        draw.rectangle((x, 560, x + 260, 820), fill=(110, 70, 40))
        draw.rectangle((x + 20, 600, x + 240, 700), fill=palette.light)
    for row in range(3):
        y0 = 140 + row * 90
        points = [(x, y0 + round(50 * math.sin(x / 180 + row))) for x in range(0, WIDTH + 1, 50)]
        draw.line(points, fill=(60, 50, 40), width=3)
        for x, y in points:
            draw.ellipse((x - 7, y - 2, x + 7, y + 12), fill=palette.light)
    for _ in range(14):
        x = rnd.randrange(700, 900)
        y = rnd.randrange(260, 680)
        if abs(x - 800) < (y - 160) * 0.29:
            draw.ellipse(
                (x - 9, y - 9, x + 9, y + 9), fill=rnd.choice(((220, 40, 40), palette.light))
            )


def _roadworks(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A road with a striped barrier, traffic cones and a digger arm."""
    _ground(draw, palette, HORIZON - 80)
    draw.polygon(
        [(560, HORIZON - 80), (1040, HORIZON - 80), (1500, HEIGHT), (100, HEIGHT)],
        fill=(70, 72, 78),
    )
    for y in range(HORIZON - 40, HEIGHT, 90):
        draw.rectangle((790, y, 810, y + 40), fill=(240, 240, 240))
    draw.rectangle((330, 700, 1270, 780), fill=(255, 255, 255))
    for x in range(330, 1270, 120):
        draw.polygon([(x, 700), (x + 60, 700), (x + 20, 780), (x - 40, 780)], fill=(220, 30, 30))
    for x in (380, 1200):
        draw.rectangle((x, 780, x + 16, 900), fill=(60, 60, 60))
    for x in (200, 560, 1060, 1400):
        draw.polygon([(x, 860), (x + 40, 740), (x + 80, 860)], fill=(245, 120, 20))
        draw.rectangle((x + 22, 800, x + 58, 818), fill=(255, 255, 255))
    draw.line([(1500, 620), (1300, 300), (1080, 420), (1090, 560)], fill=(240, 180, 20), width=40)
    draw.polygon([(1060, 560), (1140, 560), (1120, 630), (1050, 610)], fill=(200, 150, 20))


def _bakery(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A shop front with a striped awning and loaves in the window."""
    draw.rectangle((160, 180, 1440, HEIGHT), fill=(236, 222, 196))
    for i, x in enumerate(range(140, 1460, 110)):
        colour = (190, 60, 50) if i % 2 == 0 else (250, 246, 236)
        draw.polygon([(x, 260), (x + 110, 260), (x + 120, 400), (x + 10, 400)], fill=colour)
    draw.rectangle((240, 460, 1000, 860), fill=palette.light)
    draw.rectangle((1100, 460, 1340, HEIGHT), fill=(110, 72, 40))
    draw.rectangle((240, 780, 1000, 800), fill=(150, 110, 70))
    for i in range(6):
        x = 280 + i * 118 + rnd.randrange(-8, 8)
        draw.ellipse((x, 690, x + 100, 780), fill=(196, 134, 64))
        for k in range(3):
            draw.line((x + 26 + k * 22, 706, x + 36 + k * 22, 764), fill=(150, 96, 40), width=5)
    for i in range(3):
        x = 330 + i * 220
        draw.ellipse((x, 560, x + 130, 650), fill=(206, 150, 80))


def _pitch(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A floodlit football pitch with a goal."""
    draw.polygon([(0, HEIGHT), (260, 520), (1340, 520), (WIDTH, HEIGHT)], fill=(50, 130, 60))
    line = (236, 240, 236)
    draw.line([(800, 520), (800, HEIGHT)], fill=line, width=6)
    draw.ellipse((620, 680, 980, 840), outline=line, width=6)
    draw.rectangle((1080, 420, 1300, 540), outline=line, width=10)
    for x in (140, 1460):
        draw.rectangle((x - 8, 120, x + 8, 620), fill=(90, 90, 100))
        draw.rectangle((x - 70, 100, x + 70, 160), fill=palette.light)
        draw.polygon(
            [(x - 70, 160), (x + 70, 160), (x + 500 * (1 if x < 800 else -1), 900)],
            fill=_mix(palette.sky_bottom, palette.light, 0.25),
        )
    draw.ellipse((760, 860, 820, 920), fill=(250, 250, 250))


def _books(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """Library shelves full of coloured book spines, a tablet on the desk."""
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=(94, 66, 44))
    for shelf in range(4):
        y = 80 + shelf * 200
        x = 60
        while x < WIDTH - 80:
            w, h = rnd.randrange(26, 60), rnd.randrange(120, 175)
            hue = rnd.choice(
                (
                    (180, 60, 50),
                    (60, 100, 160),
                    (70, 130, 80),
                    (220, 180, 70),
                    (120, 80, 140),
                    (230, 230, 220),
                )
            )
            draw.rectangle((x, y + 180 - h, x + w, y + 180), fill=hue)
            x += w + rnd.randrange(2, 8)
        draw.rectangle((40, y + 180, WIDTH - 40, y + 196), fill=(60, 40, 26))
    draw.rounded_rectangle((560, 700, 1040, 960), radius=26, fill=(30, 32, 38))
    draw.rounded_rectangle((590, 726, 1010, 934), radius=10, fill=palette.light)
    for k in range(5):
        draw.rectangle(
            (620, 760 + k * 32, 620 + rnd.randrange(180, 360), 774 + k * 32), fill=(90, 110, 140)
        )


def _lake(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """A forest lake with fir trees and a runner on the shore path."""
    draw.rectangle(
        (0, HORIZON - 60, WIDTH, HEIGHT), fill=_mix(palette.sky_bottom, (40, 90, 130), 0.55)
    )
    for x in range(-40, WIDTH + 40, 46):
        h = rnd.randrange(160, 300)
        base = HORIZON - 60
        draw.polygon([(x, base), (x + 30, base - h), (x + 60, base)], fill=(30, 70, 50))
        draw.polygon(
            [(x, base), (x + 30, base + h // 2), (x + 60, base)],
            fill=_mix((30, 70, 50), palette.sky_bottom, 0.45),
        )
    draw.rectangle((0, HEIGHT - 200, WIDTH, HEIGHT), fill=(130, 110, 80))
    for i, cx in enumerate((520, 760, 1000)):
        _person(
            draw, cx, HEIGHT - 170 - (i % 2) * 10, 0.8, (200, 60, 60) if i == 1 else (40, 60, 110)
        )


def _orchard(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """Young fruit trees with stakes in a meadow at the edge of town."""
    _hills(draw, rnd, palette)
    for i in range(7):
        x = 120 + i * 220 + rnd.randrange(-20, 20)
        base = HORIZON + 60 + (i % 2) * 80
        draw.rectangle((x - 6, base - 220, x + 6, base), fill=(90, 60, 40))
        draw.rectangle((x + 20, base - 180, x + 28, base), fill=(180, 150, 100))
        r = rnd.randrange(70, 100)
        draw.ellipse(
            (x - r, base - 220 - r, x + r, base - 220 + r),
            fill=rnd.choice(((200, 120, 40), (180, 150, 40), (160, 90, 40))),
        )
    draw.line([(1300, 980), (1420, 720)], fill=(120, 80, 50), width=12)
    draw.polygon([(1270, 960), (1330, 1000), (1300, 1040), (1250, 1010)], fill=(150, 150, 160))


def _workshop(draw: Draw, rnd: random.Random, palette: Palette) -> None:
    """Interlocking gears and a workbench: training in skilled trades."""
    draw.rectangle((0, HORIZON + 40, WIDTH, HEIGHT), fill=(110, 80, 50))
    for cx, cy, r, colour in (
        (560, 420, 220, (200, 160, 60)),
        (930, 560, 150, (150, 160, 170)),
        (1180, 340, 110, (210, 110, 60)),
    ):
        teeth = max(8, r // 18)
        for k in range(teeth):
            a = math.tau * k / teeth + rnd.uniform(0, 0.05)
            tx, ty = cx + (r + 24) * math.cos(a), cy + (r + 24) * math.sin(a)
            draw.ellipse((tx - 26, ty - 26, tx + 26, ty + 26), fill=colour)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
        draw.ellipse((cx - r // 3, cy - r // 3, cx + r // 3, cy + r // 3), fill=palette.sky_top)


MOTIFS: dict[str, Motif] = {
    "animals": _animals,
    "bakery": _bakery,
    "ballot_box": _ballot_box,
    "books": _books,
    "castle_ruin": _castle_ruin,
    "church": _church,
    "city_hall": _city_hall,
    "concert_hall": _concert_hall,
    "conductor": _conductor,
    "jubilee": _jubilee,
    "lake": _lake,
    "market": _market,
    "notes": _notes,
    "orchard": _orchard,
    "pitch": _pitch,
    "roadworks": _roadworks,
    "town": _town,
    "video_call": _video_call,
    "violin": _violin,
    "workshop": _workshop,
}

# Motifs whose scenes look best with falling snow on top.
_SNOWY = {"market", "notes"}


def render(motif: str, *, seed: int, label: str, palette: str = "dusk") -> bytes:
    """Draw one illustration and return it as JPEG bytes (1600 x 1067 pixels, no metadata).

    ``label`` is printed in a band at the bottom, marking the picture as an illustration.
    Raises KeyError for an unknown motif or palette.
    """
    colours = PALETTES[palette]
    rnd = random.Random(seed)  # noqa: S311 - layout jitter, not security
    image = _sky(colours).copy()
    draw = ImageDraw.Draw(image)
    if palette in {"night", "dusk"} and motif not in {"video_call", "books", "bakery"}:
        _stars(draw, rnd, colours)
    MOTIFS[motif](draw, rnd, colours)
    if motif in _SNOWY and palette in {"night", "frost"}:
        _snow(draw, rnd)
    draw.rectangle((0, HEIGHT - LABEL_BAND, WIDTH, HEIGHT), fill=(20, 22, 30))
    draw.text(
        (36, HEIGHT - LABEL_BAND // 2),
        f"Illustration · {label}",
        font=_font(34),
        fill=(240, 240, 240),
        anchor="lm",
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=84)
    return out.getvalue()
