#!/usr/bin/env python3
"""Draws the Wizards and Fairies helpers: 4 kinds x 3 poses, into art/helpers/.

The app compiles these files in (src/core/helpers.rs) and fills in the child's colours where
the placeholders `var(--helper-main, ...)` and `var(--helper-accent, ...)` stand. Run it again
after changing a figure: `python3 art/wizards-gen.py`.
"""
import math, re, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "helpers")
MAIN = 'fill="var(--helper-main, #7b3fbf)"'
ACC = 'fill="var(--helper-accent, #f6c90e)"'
INK = "#3a3a3a"


def f(v):
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    if s.startswith("0."):
        s = s[1:]
    if s.startswith("-0."):
        s = "-" + s[2:]
    return s


def P(d, fill, extra=""):
    return f'<path d="{d}" {fill}{extra}/>'


def fc(c):
    return c if c.startswith("fill=") else f'fill="{c}"'


def path(d, c, extra=""):
    return f'<path d="{d}" {fc(c)}{extra}/>'


def circ(x, y, r, c, extra=""):
    return f'<circle cx="{f(x)}" cy="{f(y)}" r="{f(r)}" {fc(c)}{extra}/>'


def ell(x, y, rx, ry, c, extra=""):
    return f'<ellipse cx="{f(x)}" cy="{f(y)}" rx="{f(rx)}" ry="{f(ry)}" {fc(c)}{extra}/>'


def limb(p, q, w, c):
    """A capsule from p to q, half-width w."""
    (x1, y1), (x2, y2) = p, q
    dx, dy = x2 - x1, y2 - y1
    L = math.hypot(dx, dy)
    nx, ny = -dy / L * w, dx / L * w
    d = (f"M{f(x1+nx)} {f(y1+ny)}L{f(x2+nx)} {f(y2+ny)}"
         f"A{f(w)} {f(w)} 0 0 0 {f(x2-nx)} {f(y2-ny)}"
         f"L{f(x1-nx)} {f(y1-ny)}A{f(w)} {f(w)} 0 0 0 {f(x1+nx)} {f(y1+ny)}Z")
    return path(d, c)


def scale_path(d, cx, cy, s, ox=50, oy=50):
    """Scale an absolute M/L/C/Q/Z path given in a 100 box around (ox, oy)."""
    out = []
    toks = re.findall(r"[A-Za-z]|-?\d+\.?\d*", d)
    i = 0
    coord = 0
    for t in toks:
        if t.isalpha():
            out.append(t)
            coord = 0
        else:
            v = float(t)
            if coord % 2 == 0:
                v = cx + (v - ox) * s
            else:
                v = cy + (v - oy) * s
            coord += 1
            out.append(("" if out and out[-1].isalpha() else " ") + f(v))
    return "".join(out).replace("Z ", "Z")


HEART = ("M50 86C24 68 10 52 12 34C14 20 26 12 38 14C44 15 48 19 50 25"
         "C52 19 56 15 62 14C74 12 86 20 88 34C90 52 76 68 50 86Z")
HEART_SHINE = "M26 32Q27 23 36 22Q30 26 30 33Q28 36 26 32Z"
STAR = ("M50 9L61.2 37.6L91.8 39.4L68.1 58.9L75.9 88.6L50 72L24.1 88.6"
        "L31.9 58.9L8.2 39.4L38.8 37.6Z")


def star5(cx, cy, r, c, rot=0):
    pts = []
    for k in range(10):
        a = math.radians(-90 + rot + k * 36)
        rr = r if k % 2 == 0 else r * 0.45
        pts.append(f"{f(cx + rr*math.cos(a))} {f(cy + rr*math.sin(a))}")
    return path("M" + "L".join(pts) + "Z", c)


def heart(cx, cy, s):
    return (path(scale_path(HEART, cx, cy, s), "#e8627a")
            + path(scale_path(HEART_SHINE, cx, cy, s), "#f6b3bf", ' stroke="none"'))


def sparkle(x, y, r, c="#ffe08a"):
    d = (f"M{f(x)} {f(y-r)}Q{f(x)} {f(y)} {f(x+r)} {f(y)}Q{f(x)} {f(y)} {f(x)} {f(y+r)}"
         f"Q{f(x)} {f(y)} {f(x-r)} {f(y)}Q{f(x)} {f(y)} {f(x)} {f(y-r)}Z")
    return path(d, c, ' stroke-width="2.5"')


def wand(hand, tip):
    """The stick from just below the hand to the tip, then the star at the tip."""
    (hx, hy), (tx, ty) = hand, tip
    dx, dy = tx - hx, ty - hy
    L = math.hypot(dx, dy)
    start = (hx - dx / L * 10, hy - dy / L * 10)
    return (limb(start, tip, 3.5, "#6b4f3a") + star5(tx, ty, 16, "#ffc93c", rot=10))


def wand_sparkles(tx, ty):
    return (sparkle(tx - 22, ty - 18, 7) + sparkle(tx + 20, ty + 22, 6)
            + sparkle(tx + 18, ty - 24, 5))


def sack(body_fill="#9cc3d5"):
    """A soft sack worn on the back (behind the body), a grey cloud puffing out of it."""
    cloud = ("M126 82A10 10 0 0 1 126 62A13 13 0 0 1 150 50A12 12 0 0 1 172 62"
             "A9 9 0 0 1 168 82Z")
    ruffle = "M130 94Q120 80 126 74Q146 84 168 74Q172 82 160 94Z"
    bag = "M132 92Q112 108 116 134Q122 158 148 158Q178 156 178 128Q176 104 158 92Z"
    return (path(cloud, "#f4f6f8") + path(ruffle, fc(body_fill)) + path(bag, fc(body_fill))
            + limb((132, 94), (158, 94), 4, "#8b5e3c")
            + path("M150 124l12-3 3 12-12 3z", "#7fa9bf", ' stroke-width="3"'))


def strap():
    """A strap across the chest, from the left shoulder to the right hip."""
    return limb((88, 104), (122, 146), 4, "#8b5e3c")


def face(x, y, dx=10, smile=7, cheeks=17, my=None):
    s = []
    my = y + 10 if my is None else my
    s.append(f'<g fill="#f4a3a0"><circle cx="{f(x-cheeks)}" cy="{f(y+10)}" r="4.5"/>'
             f'<circle cx="{f(x+cheeks)}" cy="{f(y+10)}" r="4.5"/></g>')
    s.append(f'<g fill="{INK}">'
             f'<ellipse cx="{f(x-dx)}" cy="{f(y)}" rx="4.5" ry="5.5"/>'
             f'<ellipse cx="{f(x+dx)}" cy="{f(y)}" rx="4.5" ry="5.5"/></g>')
    s.append(f'<g fill="#fff"><circle cx="{f(x-dx+1.6)}" cy="{f(y-2)}" r="1.8"/>'
             f'<circle cx="{f(x+dx+1.6)}" cy="{f(y-2)}" r="1.8"/></g>')
    if smile:
        s.append(f'<path d="M{f(x-smile)} {f(my)}Q{f(x)} {f(my+smile+1)} {f(x+smile)} {f(my)}" '
                 f'fill="none" stroke="{INK}" stroke-width="3.5" stroke-linecap="round"/>')
    return "".join(s)


def svg(parts_stroked, parts_face):
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">'
            '<ellipse cx="100" cy="186" rx="56" ry="7" fill="#ece8f3"/>'
            f'<g stroke="{INK}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">'
            + "".join(parts_stroked) + "</g>" + "".join(parts_face) + "</svg>\n")


# Shoulders and the three poses' arm targets, shared by every kind.
LS, RS = (84, 112), (116, 112)
HEART_C = (100, 136)


def arms(role, sleeve, hand, hand_r=7.5, w=7, cuff=None):
    """Returns (behind_body, in_front_of_body, after_props) parts for a pose."""
    b, fr, af = arms0(role, sleeve, hand, hand_r, w)
    if cuff:
        ends = {"good": [(80, 136), (120, 136)], "worries": [(60, 92), (110, 128)],
                "wishes": [(74, 146), (146, 84)]}[role]
        af = [circ(x, y, w + 2, cuff) for x, y in ends] + af
    return b, fr, af


def arms0(role, sleeve, hand, hand_r=7.5, w=7):
    if role == "good":
        front = [limb(LS, (80, 136), w, sleeve), limb(RS, (120, 136), w, sleeve)]
        after = [circ(80, 138, hand_r, hand), circ(120, 138, hand_r, hand)]
        return [], front, after
    if role == "worries":
        behind = [limb(LS, (60, 92), w, sleeve)]
        front = [limb(RS, (110, 128), w, sleeve)]
        after = [circ(58, 90, hand_r, hand), circ(108, 130, hand_r, hand)]
        return behind, front, after
    # wishes: left arm resting, right arm raised with the wand
    behind = [limb(RS, (146, 84), w, sleeve)]
    front = [limb(LS, (74, 146), w, sleeve)]
    after = [circ(73, 148, hand_r, hand), circ(148, 82, hand_r, hand)]
    return behind, front, after


def compose(role, back, body, head, face_parts, sleeve, hand, hand_r=7.5, w=7, sack_fill="#9cc3d5", cuff=None):
    behind, front, after = arms(role, sleeve, hand, hand_r, w, cuff)
    s = list(back)
    if role == "worries":
        s.append(sack(sack_fill))
    s += behind
    s += body
    if role == "worries":
        s.append(strap())
    s += front
    if role == "good":
        s.append(heart(HEART_C[0], HEART_C[1], 0.56))
    s += head
    if role == "wishes":
        s.append(wand((148, 82), (166, 40)))
        s.append(wand_sparkles(166, 40))
    s += after
    return svg(s, face_parts)


# ---------------------------------------------------------------- fairy
def fairy(role):
    skin, hair = "#c68642", "#3b2a20"
    back = [
        path("M92 108C66 58 26 64 38 98C44 114 70 116 92 110Z", ACC),
        path("M108 108C134 58 174 64 162 98C156 114 130 116 108 110Z", ACC),
        path("M92 116C66 120 50 146 68 152C82 154 92 136 92 116Z", ACC),
        path("M108 116C134 120 150 146 132 152C118 154 108 136 108 116Z", ACC),
        limb((90, 150), (90, 176), 7, "#4b5d73"), limb((110, 150), (110, 176), 7, "#4b5d73"),
        ell(87, 181, 9, 5.5, "#6b4f3a"), ell(113, 181, 9, 5.5, "#6b4f3a"),
    ]
    body = [path("M86 100Q100 95 114 100L130 154Q100 164 70 154Z", MAIN)]
    head = [
        path("M75 66L58 61L74 82Z", skin),
        path("M125 66L142 61L126 82Z", skin),
        circ(100, 66, 28, skin),
        path("M71 72Q62 46 76 40Q84 28 100 32Q116 28 124 40Q138 46 129 72Q126 56 116 50Q102 60 84 52Q76 58 71 72Z", hair),
        star5(120, 44, 8, ACC, rot=-10),
    ]
    return compose(role, back, body, head, [face(100, 70)], MAIN, skin)


# ---------------------------------------------------------------- wizard
def wizard(role):
    skin, hair = "#8d5524", "#1f1712"
    back = [ell(88, 182, 10, 6, "#6b4f3a"), ell(112, 182, 10, 6, "#6b4f3a")]
    body = [
        path("M84 100Q100 94 116 100L140 176Q100 186 60 176Z", MAIN),
        star5(80, 168, 6, ACC), star5(119, 170, 6, ACC, rot=15), star5(100, 160, 4.5, ACC),
    ]
    head = [
        ell(100, 64, 31, 24, hair),
        circ(100, 70, 26, skin),
        ell(100, 48, 38, 8, ACC),
        path("M72 46Q88 30 84 14Q82 6 70 8Q108 -4 128 46Q100 54 72 46Z", ACC),
        path("M75 39Q100 46 125 39L128 46Q100 54 72 46Z", MAIN),
        star5(104, 26, 6, MAIN, rot=10),
    ]
    return compose(role, back, body, head, [face(100, 74)], MAIN, skin, w=8, cuff=ACC)


# ---------------------------------------------------------------- dragon
def dragon(role):
    horn = "#fff3d6"
    back = [
        path("M88 110L50 72Q54 90 42 96Q56 102 50 118Q66 114 86 128Z", ACC),
        path("M112 110L150 72Q146 90 158 96Q144 102 150 118Q134 114 114 128Z", ACC),
        path("M126 152Q166 168 166 144Q166 132 156 128Q172 122 176 140Q178 174 128 168Z", MAIN),
    ]
    body = [
        ell(82, 176, 14, 9, MAIN), ell(118, 176, 14, 9, MAIN),
        path("M100 96C132 96 140 140 136 160Q130 180 100 180Q70 180 64 160C60 140 68 96 100 96Z", MAIN),
        path("M100 112C118 112 124 140 120 162Q100 172 80 162C76 140 82 112 100 112Z", ACC),
        path("M86 134Q100 140 114 134M84 150Q100 156 116 150", "none", ' stroke-width="3"'),
    ]
    head = [
        path("M84 40Q80 24 68 18Q70 32 74 46Z", horn), path("M116 40Q120 24 132 18Q130 32 126 46Z", horn),
        path("M72 54L50 44L58 58L50 68L74 70Z", ACC), path("M128 54L150 44L142 58L150 68L126 70Z", ACC),
        path("M92 38L100 24L108 38Z", ACC),
        path("M100 34C122 34 130 48 130 58C138 68 138 92 100 92C62 92 62 68 70 58C70 48 78 34 100 34Z", MAIN),
    ]
    fp = [face(100, 56, dx=12, smile=10, cheeks=22, my=78),
          f'<g fill="{INK}"><circle cx="94" cy="71" r="2"/><circle cx="106" cy="71" r="2"/></g>']
    return compose(role, back, body, head, fp, MAIN, MAIN, hand_r=8)


# ---------------------------------------------------------------- unicorn
def unicorn(role):
    white, pink = "#fbf8f3", "#f3c9d3"
    back = [
        path("M76 156C50 172 26 156 30 130C36 142 44 144 48 138C40 128 42 112 52 106"
             "C54 124 62 134 72 136C66 144 70 150 80 146Z", MAIN),
        path("M100 34C72 28 56 50 62 74C66 92 54 104 66 118C70 108 76 106 82 98L86 60Z", MAIN),
    ]
    body = [
        path("M100 96C132 96 140 140 136 160Q130 180 100 180Q70 180 64 160C60 140 68 96 100 96Z", white),
        limb((84, 164), (84, 176), 9, white), limb((116, 164), (116, 176), 9, white),
        path("M75 174H93V178Q84 186 75 178Z", ACC), path("M107 174H125V178Q116 186 107 178Z", ACC),
    ]
    head = [
        path("M84 44Q70 32 72 20Q86 24 92 38Z", white), path("M116 44Q130 32 128 20Q114 24 108 38Z", white),
        path("M93 38L100 4L107 38Z", ACC),
        path("M95 28L105 24M97 18L103 16", "none", ' stroke-width="3"'),
        path("M100 32C122 32 130 48 128 62C126 74 120 80 120 90C120 102 110 106 100 106"
             "C90 106 80 102 80 90C80 80 74 74 72 62C70 48 78 32 100 32Z", white),
        path("M83 86Q100 80 117 86C119 98 110 104 100 104C90 104 81 98 83 86Z", pink, ' stroke="none"'),
        path("M88 38C98 28 118 32 124 46C114 42 106 46 98 54C98 46 94 42 88 38Z", MAIN),
    ]
    fp = [face(100, 60, dx=11, smile=6, cheeks=19, my=94),
          f'<g fill="{INK}"><circle cx="94" cy="88" r="2"/><circle cx="106" cy="88" r="2"/></g>']
    return compose(role, back, body, head, fp, white, ACC, hand_r=7)


KINDS = {"fairy": fairy, "wizard": wizard, "dragon": dragon, "unicorn": unicorn}
ROLES = ["good", "worries", "wishes"]

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for k, fn in KINDS.items():
        for r in ROLES:
            s = fn(r)
            with open(f"{OUT}/helper-{k}-{r}.svg", "w") as fh:
                fh.write(s)
            print(k, r, len(s.encode()))
