#!/usr/bin/python3
"""Makes the OpenFace CSV fixtures of the Landmarks tests and their expected mouth tracks.

Deterministic (fixed seeds); run from this folder with Debian's /usr/bin/python3:
    /usr/bin/python3 make_fixtures.py
The CSVs follow OpenFace 2.x RecorderCSV.cpp: column order, fixed-point precision per group
(timestamp 3, confidence 2, gaze 6, gaze angle 3, eye landmarks 1, pose T 1 / R 3, 2-D and 3-D
landmarks 1, PDM parameters 3, AU intensity 2, AU presence 1), zeros in frames without success.
The expected files are computed here, independently of the C# reader, from the values as written.
"""
import math
import random

AU_R = ["AU01", "AU02", "AU04", "AU05", "AU06", "AU07", "AU09", "AU10", "AU12", "AU14", "AU15",
        "AU17", "AU20", "AU23", "AU25", "AU26", "AU45"]
AU_C = AU_R[:16] + ["AU28", "AU45"]


def groups():
    """(names, decimals, kind) in OpenFace's order."""
    num = lambda n, *ps: [f"{p}{i}" for p in ps for i in range(n)]
    return [
        (["frame", "face_id", "timestamp", "confidence", "success"], None, "meta"),
        (["gaze_0_x", "gaze_0_y", "gaze_0_z", "gaze_1_x", "gaze_1_y", "gaze_1_z"], 6, "gaze"),
        (["gaze_angle_x", "gaze_angle_y"], 3, "gaze_angle"),
        (num(56, "eye_lmk_x_", "eye_lmk_y_"), 1, "eye2d"),
        (num(56, "eye_lmk_X_", "eye_lmk_Y_", "eye_lmk_Z_"), 1, "eye3d"),
        (["pose_Tx", "pose_Ty", "pose_Tz"], 1, "pose_t"),
        (["pose_Rx", "pose_Ry", "pose_Rz"], 3, "pose_r"),
        (num(68, "x_", "y_"), 1, "lmk2d"),
        (num(68, "X_", "Y_", "Z_"), 1, "lmk3d"),
        (["p_scale", "p_rx", "p_ry", "p_rz", "p_tx", "p_ty"] + num(34, "p_"), 3, "pdm"),
        ([a + "_r" for a in AU_R], 2, "au_r"),
        ([a + "_c" for a in AU_C], 1, "au_c"),
    ]


ALL_COLUMNS = [n for names, _, _ in groups() for n in names]
DECIMALS = {n: d for names, d, _ in groups() for n in names}
DECIMALS.update(frame=0, face_id=0, timestamp=3, confidence=2, success=0)
assert len(ALL_COLUMNS) == 714


def base_face():
    """A frontal 68-point iBUG face, eye corners 36/45 100 px apart, nose tip 33 at (0, 0)."""
    p = {}
    for i in range(17):  # jaw
        a = math.pi * (0.05 + 0.9 * i / 16)
        p[i] = (-75 * math.cos(a), 10 + 85 * math.sin(a) - 30)
    for i in range(5):  # brows
        p[17 + i] = (-75 + 12 * i, -75 - 4 * math.sin(math.pi * i / 4))
        p[22 + i] = (27 + 12 * i, -75 - 4 * math.sin(math.pi * i / 4))
    for i in range(4):  # nose bridge
        p[27 + i] = (0, -55 + 12 * i)
    for i, x in enumerate([-12, -6, 0, 6, 12]):  # nose base, 33 in the middle
        p[31 + i] = (x, -2 + abs(x) * 0.2)
    p[33] = (0.0, 0.0)
    eye = [(-50, -45), (-40, -50), (-28, -50), (-18, -45), (-28, -41), (-40, -41)]
    for i, (x, y) in enumerate(eye):
        p[36 + i] = (x, y)
    for i, (x, y) in enumerate(eye):  # mirrored: 42 inner .. 45 outer
        p[[45, 44, 43, 42, 47, 46][i]] = (-x, y)
    outer = [(-25, 30), (-15, 24), (-6, 22), (0, 23), (6, 22), (15, 24), (25, 30),
             (16, 37), (7, 40), (0, 40.5), (-7, 40), (-16, 37)]
    inner = [(-20, 30), (-7, 28), (0, 28.5), (7, 28), (20, 30), (7, 32), (0, 32.5), (-7, 32)]
    for i, q in enumerate(outer):
        p[48 + i] = q
    for i, q in enumerate(inner):
        p[60 + i] = q
    return [p[i] for i in range(68)]


LOWER_LIP = {55, 56, 57, 58, 59, 65, 66, 67}


def face_at(opening, roll, scale, tx, ty):
    """The base face with the jaw opened by `opening` px, rolled, scaled, moved (image pixels)."""
    c, s = math.cos(roll), math.sin(roll)
    pts = []
    for i, (x, y) in enumerate(base_face()):
        if i in LOWER_LIP or i in range(5, 12):
            y += opening
        pts.append((tx + scale * (c * x - s * y), ty + scale * (s * x + c * y)))
    return pts


def fmt(value, decimals):
    return "%.*f" % (decimals, value) if decimals else "%d" % value


def row_values(frame, face_id, t, conf, success, pts, rng):
    """Every column of one OpenFace row; zeros where OpenFace writes zeros (no success)."""
    v = {"frame": frame, "face_id": face_id, "timestamp": t, "confidence": conf, "success": 1 if success else 0}
    for names, _, kind in groups()[1:]:
        for n in names:
            v[n] = 0.0
    if not success:
        return v
    for k, (x, y) in enumerate(pts):
        v[f"x_{k}"], v[f"y_{k}"] = x, y
        v[f"X_{k}"], v[f"Y_{k}"], v[f"Z_{k}"] = (x - 320) * 0.8, (y - 240) * 0.8, 480 + rng.uniform(-30, 30)
    for k in range(56):
        ex, ey = pts[36 + (k % 12)]
        v[f"eye_lmk_x_{k}"], v[f"eye_lmk_y_{k}"] = ex + rng.uniform(-3, 3), ey + rng.uniform(-2, 2)
        v[f"eye_lmk_X_{k}"], v[f"eye_lmk_Y_{k}"], v[f"eye_lmk_Z_{k}"] = rng.uniform(-40, 40), rng.uniform(-30, 0), rng.uniform(450, 500)
    g = [rng.uniform(-0.2, 0.2), rng.uniform(0.0, 0.3)]
    for e in (0, 1):
        gx, gy = g[0] + rng.uniform(-0.05, 0.05), g[1] + rng.uniform(-0.05, 0.05)
        gz = -math.sqrt(max(0.0, 1 - gx * gx - gy * gy))
        v[f"gaze_{e}_x"], v[f"gaze_{e}_y"], v[f"gaze_{e}_z"] = gx, gy, gz
    v["gaze_angle_x"], v["gaze_angle_y"] = g[0], g[1]
    v["pose_Tx"], v["pose_Ty"], v["pose_Tz"] = rng.uniform(-30, 30), rng.uniform(-10, 40), rng.uniform(420, 520)
    v["pose_Rx"], v["pose_Ry"], v["pose_Rz"] = rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2), rng.uniform(-0.1, 0.1)
    v["p_scale"], v["p_tx"], v["p_ty"] = rng.uniform(1.5, 2.5), pts[33][0], pts[33][1]
    for n in ("p_rx", "p_ry", "p_rz"):
        v[n] = rng.uniform(-0.2, 0.2)
    for k in range(34):
        v[f"p_{k}"] = rng.gauss(0, 5)
    for a in AU_R:
        v[a + "_r"] = max(0.0, rng.gauss(0.5, 0.8))
    for a in AU_C:
        v[a + "_c"] = float(rng.random() < 0.3)
    return v


def write_csv(path, columns, rows, sep, newline):
    with open(path, "w", newline="") as f:
        f.write(sep.join(columns) + newline)
        for v in rows:
            f.write(sep.join(fmt(v[c], DECIMALS[c]) for c in columns) + newline)


# --- the reader's expectations, from the written text -------------------------------------------

def as_written(v, c):
    return float(fmt(v[c], DECIMALS[c]))


def mouth(v):
    return [(as_written(v, f"x_{48 + l}"), as_written(v, f"y_{48 + l}")) for l in range(20)]


def normalise_face(v):
    nx, ny = as_written(v, "x_33"), as_written(v, "y_33")
    dx = as_written(v, "x_45") - as_written(v, "x_36")
    dy = as_written(v, "y_45") - as_written(v, "y_36")
    theta, d = math.atan2(dy, dx), math.hypot(dx, dy)
    out = []
    for x, y in mouth(v):
        px, py = x - nx, y - ny
        out += [(math.cos(-theta) * px - math.sin(-theta) * py) / d, (math.sin(-theta) * px + math.cos(-theta) * py) / d]
    return out


def normalise_mouth(v):
    pts = mouth(v)
    cx, cy = sum(p[0] for p in pts) / 20, sum(p[1] for p in pts) / 20
    w = math.hypot(pts[6][0] - pts[0][0], pts[6][1] - pts[0][1])
    return [c for x, y in pts for c in ((x - cx) / w, (y - cy) / w)]


def expected_track(frames, normalise, threshold=0.8, max_gap=3):
    """frames: (frame, timestamp, row or None); returns rows of (frame, t, status, values)."""
    out = []
    for frame, t, v in frames:
        ok = v is not None and v["success"] == 1 and as_written(v, "confidence") >= threshold
        out.append([frame, as_written(v, "timestamp") if v else t, "Tracked" if ok else "Gap", normalise(v) if ok else None])
    i = 0
    while i < len(out):
        if out[i][2] != "Gap":
            i += 1
            continue
        j = i
        while j < len(out) and out[j][2] == "Gap":
            j += 1
        if i > 0 and j < len(out) and j - i <= max_gap:
            (t0, a), (t1, b) = (out[i - 1][1], out[i - 1][3]), (out[j][1], out[j][3])
            for k in range(i, j):
                w = (out[k][1] - t0) / (t1 - t0)
                out[k][2], out[k][3] = "Interpolated", [x + w * (y - x) for x, y in zip(a, b)]
        i = j
    return out


def write_expected(path, track):
    with open(path, "w", newline="") as f:
        f.write("frame,timestamp,status," + ",".join(f"v{k}" for k in range(40)) + "\n")
        for frame, t, status, values in track:
            cells = ["nan"] * 40 if values is None else [repr(x) for x in values]
            f.write(f"{frame},{t!r},{status}," + ",".join(cells) + "\n")


def timestamp(frame, fps=30.0):
    return (frame - 1) / fps


# --- 1: every column group, one face, two one-frame gaps -----------------------------------------

def full_columns():
    rng = random.Random(1)
    rows = []
    for frame in range(1, 13):
        opening = 6 + 5 * math.sin(frame * 0.9)
        pts = face_at(opening, roll=0.12 + 0.01 * frame, scale=1.4, tx=318.0 + frame, ty=242.0 - 0.5 * frame)
        success = frame != 5                      # OpenFace lost the face: zeros
        conf = 0.03 if not success else (0.55 if frame == 8 else round(0.95 + 0.003 * frame, 2))
        rows.append(row_values(frame, 0, timestamp(frame), conf, success, pts, rng))
    write_csv("full_columns.csv", ALL_COLUMNS, rows, ", ", "\n")
    write_expected("full_columns.expected.csv",
                   expected_track([(v["frame"], None, v) for v in rows], normalise_face))


# --- 2: plain "," separators, CRLF, columns shuffled, mouth points only, a long and a trailing gap

def reordered_partial():
    rng = random.Random(2)
    columns = ["frame", "timestamp", "confidence", "success", "pose_Rx", "pose_Ry", "AU12_r", "AU25_c"]
    columns += [f"x_{k}" for k in range(48, 68)] + [f"y_{k}" for k in range(48, 68)]
    random.Random(22).shuffle(columns)
    rows = []
    for frame in range(1, 15):
        pts = face_at(4 + 3 * math.cos(frame * 0.7), roll=-0.05, scale=0.9, tx=200.0, ty=150.0 + frame)
        success = not 6 <= frame <= 10            # 5 frames lost: longer than 3, cut
        conf = (0.62 if frame == 14 else round(0.95 - 0.005 * frame, 2)) if success else 0.0  # 14: a trailing gap
        rows.append(row_values(frame, 0, timestamp(frame), conf, success, pts, rng))
    write_csv("reordered_partial.csv", columns, rows, ",", "\r\n")
    write_expected("reordered_partial.expected.csv",
                   expected_track([(v["frame"], None, v) for v in rows], normalise_mouth))


# --- 3: two faces (FaceLandmarkVidMulti style), face 1 the better tracked, one row missing -------

def multi_face():
    rng = random.Random(3)
    columns = ["frame", "face_id", "timestamp", "confidence", "success"]
    columns += ["pose_Tx", "pose_Ty", "pose_Tz", "pose_Rx", "pose_Ry", "pose_Rz"]
    columns += [f"x_{k}" for k in range(68)] + [f"y_{k}" for k in range(68)]
    rows, face1 = [], []
    for frame in range(1, 11):
        t = timestamp(frame)
        left = face_at(3, roll=0.3, scale=0.7, tx=150.0, ty=200.0)
        rows.append(row_values(frame, 0, t, 0.85 if frame % 3 == 0 else 0.5, True, left, rng))
        if frame == 4:                            # no row for face 1 in frame 4: a one-frame gap
            face1.append((frame, t, None))
            continue
        right = face_at(5 + 2 * math.sin(frame), roll=-0.2, scale=1.1, tx=450.0 + 2 * frame, ty=210.0)
        v = row_values(frame, 1, t, 0.93, True, right, rng)
        rows.append(v)
        face1.append((frame, None, v))
    write_csv("multi_face.csv", columns, rows, ", ", "\n")
    write_expected("multi_face.expected.csv", expected_track(face1, normalise_face))


if __name__ == "__main__":
    full_columns()
    reordered_partial()
    multi_face()
