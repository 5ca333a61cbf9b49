# Remakes the TextGrid fixtures of this folder with Praat itself (Debian's `praat` package):
#   cd tests/AgCc.Core.Tests/Fixtures/Alignments && praat --run make_fixtures.praat
# Paths are relative to this script's folder. README.md says what each file is for.

# Labels one interval [s, e] of an interval tier, adding its boundaries where missing.
procedure label: .tier, .s, .e, .text$
    if .s > 0
        nocheck Insert boundary: .tier, .s
    endif
    if .e < dur
        nocheck Insert boundary: .tier, .e
    endif
    .i = Get interval at time: .tier, (.s + .e) / 2
    Set interval text: .tier, .i, .text$
endproc

# CREMA-D sentence IEO, "It's eleven o'clock", as MFA aligns it: stress digits on vowels,
# silence as empty text and as sil/sp (older acoustic models).
dur = 1.62
Create TextGrid: 0, dur, "words phones", ""
@label: 1, 0.12, 0.35, "it's"
@label: 1, 0.35, 0.81, "eleven"
@label: 1, 0.93, 1.45, "o'clock"
@label: 2, 0, 0.12, "sil"
@label: 2, 0.12, 0.19, "IH1"
@label: 2, 0.19, 0.26, "T"
@label: 2, 0.26, 0.35, "S"
@label: 2, 0.35, 0.41, "IH0"
@label: 2, 0.41, 0.48, "L"
@label: 2, 0.48, 0.58, "EH1"
@label: 2, 0.58, 0.66, "V"
@label: 2, 0.66, 0.72, "AH0"
@label: 2, 0.72, 0.81, "N"
@label: 2, 0.81, 0.93, "sp"
@label: 2, 0.93, 1.0, "AH0"
@label: 2, 1.0, 1.08, "K"
@label: 2, 1.08, 1.15, "L"
@label: 2, 1.15, 1.33, "AA1"
@label: 2, 1.33, 1.45, "K"
Save as text file: "mfa_long.TextGrid"
Save as short text file: "mfa_short.TextGrid"
Remove

# A non-ASCII label: Praat then writes UTF-16 (big-endian, with a byte-order mark).
dur = 0.8
Create TextGrid: 0, dur, "words phones", ""
@label: 1, 0.1, 0.6, "café"
@label: 2, 0.1, 0.22, "K"
@label: 2, 0.22, 0.33, "AE0"
@label: 2, 0.33, 0.45, "F"
@label: 2, 0.45, 0.6, "EY1"
Save as text file: "praat_utf16.TextGrid"
Remove

# An extra point tier (TextTier) before the alignment tiers; a mark with doubled quotes.
dur = 1
Create TextGrid: 0, dur, "events words phones", "events"
Insert point: 1, 0.05, "click"
Insert point: 1, 0.7, "say ""hi"""
@label: 2, 0.2, 0.6, "hi"
@label: 3, 0.2, 0.35, "HH"
@label: 3, 0.35, 0.6, "AY1"
@label: 3, 0.6, 1, "sp"
Save as text file: "point_tier.TextGrid"
Remove

# MFA's tier names for a multi-speaker file ("SPEAKER - words"), in the short form; an
# out-of-vocabulary word aligned to spoken noise (spn).
dur = 1.3
Create TextGrid: 0, dur, "words phones", ""
Set tier name: 1, "1001 - words"
Set tier name: 2, "1001 - phones"
@label: 1, 0.3, 0.7, "<unk>"
@label: 1, 0.7, 1.1, "dog"
@label: 2, 0.3, 0.7, "spn"
@label: 2, 0.7, 0.8, "D"
@label: 2, 0.8, 0.98, "AO1"
@label: 2, 0.98, 1.1, "G"
Save as short text file: "speaker_prefix.TextGrid"
Remove

# What TextGridWriter must write for the alignment of TextGridWriterTests (gaps filled with
# empty intervals; a boundary at 1/3 s to check the number format).
dur = 1.5
Create TextGrid: 0, dur, "words phones", ""
@label: 1, 0.1, 0.55, "kids"
@label: 1, 0.55, 0.7, "are"
@label: 1, 0.8, 1.3, "talking"
@label: 2, 0.1, 0.2, "K"
@label: 2, 0.2, 1/3, "IH"
@label: 2, 1/3, 0.45, "D"
@label: 2, 0.45, 0.55, "Z"
@label: 2, 0.55, 0.62, "AA"
@label: 2, 0.62, 0.7, "R"
@label: 2, 0.8, 0.9, "T"
@label: 2, 0.9, 1.05, "AO"
@label: 2, 1.05, 1.12, "K"
@label: 2, 1.12, 1.2, "IH"
@label: 2, 1.2, 1.3, "NG"
Save as text file: "writer_expected_long.TextGrid"
Save as short text file: "writer_expected_short.TextGrid"
Remove

# Praat's number format: 15 significant digits, or 16 or 17 where 15 do not read back the same.
dur = 20000000.5
Create TextGrid: 0, dur, "numbers", ""
Insert boundary: 1, 0.0000001
Insert boundary: 1, 0.1 + 0.2
Insert boundary: 1, 1/3
Insert boundary: 1, 2/3
Insert boundary: 1, 0.7
Insert boundary: 1, 1e15 / 1e8 + 0.123
Insert boundary: 1, 12345678.9
Save as short text file: "praat_numbers.TextGrid"
Remove
