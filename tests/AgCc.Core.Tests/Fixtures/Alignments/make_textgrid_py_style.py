"""Writes textgrid_py_style.TextGrid: the IEO alignment of mfa_long.TextGrid in the long-form
layout of the Python `textgrid` package (TextGrid.write), which MFA 1.x used: tab indentation,
Python float reprs ("0.0"), no trailing spaces, and here CRLF line ends, as that code writes on
Windows. Run with Debian's /usr/bin/python3 from this folder."""

WORDS = [(0.0, 0.12, ""), (0.12, 0.35, "it's"), (0.35, 0.81, "eleven"), (0.81, 0.93, ""),
         (0.93, 1.45, "o'clock"), (1.45, 1.62, "")]
PHONES = [(0.0, 0.12, "sil"), (0.12, 0.19, "IH1"), (0.19, 0.26, "T"), (0.26, 0.35, "S"),
          (0.35, 0.41, "IH0"), (0.41, 0.48, "L"), (0.48, 0.58, "EH1"), (0.58, 0.66, "V"),
          (0.66, 0.72, "AH0"), (0.72, 0.81, "N"), (0.81, 0.93, "sp"), (0.93, 1.0, "AH0"),
          (1.0, 1.08, "K"), (1.08, 1.15, "L"), (1.15, 1.33, "AA1"), (1.33, 1.45, "K"),
          (1.45, 1.62, "")]
XMAX = 1.62

lines = ['File type = "ooTextFile"', 'Object class = "TextGrid"', '',
         'xmin = 0.0', f'xmax = {XMAX}', 'tiers? <exists>', 'size = 2', 'item []:']
for number, (name, intervals) in enumerate([("words", WORDS), ("phones", PHONES)], 1):
    lines += [f'\titem [{number}]:', '\t\tclass = "IntervalTier"', f'\t\tname = "{name}"',
              '\t\txmin = 0.0', f'\t\txmax = {XMAX}', f'\t\tintervals: size = {len(intervals)}']
    for index, (start, end, text) in enumerate(intervals, 1):
        lines += [f'\t\t\tintervals [{index}]:', f'\t\t\t\txmin = {start}',
                  f'\t\t\t\txmax = {end}', f'\t\t\t\ttext = "{text}"']
with open("textgrid_py_style.TextGrid", "w", newline="\r\n", encoding="utf-8") as sink:
    sink.write("\n".join(lines) + "\n")
