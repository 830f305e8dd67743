"""Collecting artifacts: only regular files really inside /work/output, with safe flat names, within caps.
Each accepted file is opened once (no link followed) and that same descriptor is what goes into the result."""

import hashlib
import os
import stat
import unicodedata

from .job import OUTPUT_DIR

SKIPPED_LIST_MAX = 100  # a script creating 100k files must not blow up result.json
NAME_MAX = 100
SAFE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")


def safe_name(relative_path):
    """'Diagram/Närvaro åk 7.png' -> 'Diagram_Narvaro_ak_7.png': subfolders flattened with '_',
    accents dropped (å->a, ö->o), anything outside [A-Za-z0-9._-] -> '_', no leading dot, <= 100."""
    decomposed = unicodedata.normalize("NFKD", relative_path)
    chars = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        chars.append(ch if ch in SAFE_CHARS else "_")
    name = "".join(chars)
    if name.startswith("."):
        name = "_" + name[1:]
    if not name.strip("._-"):
        name = "fil" + name
    return _fit(name, NAME_MAX)


def _fit(name, limit, suffix=""):
    stem, ext = _split_ext(name)
    room = limit - len(ext) - len(suffix)
    return stem[:max(room, 1)] + suffix + ext


def _split_ext(name):
    dot = name.rfind(".")
    if dot > 0 and len(name) - dot <= 16:
        return name[:dot], name[dot:]
    return name, ""


def _unique(name, taken):
    candidate, n = name, 1
    while candidate.lower() in taken:  # case-insensitive: downloads may land on such file systems
        n += 1
        candidate = _fit(name, NAME_MAX, "-%d" % n)
    taken.add(candidate.lower())
    return candidate


def _walk_output():
    """Yields (relative path, absolute path, lstat) for every entry below /work/output, sorted,
    never following symlinks."""
    try:
        root_stat = os.lstat(OUTPUT_DIR)
    except OSError:
        return
    if not stat.S_ISDIR(root_stat.st_mode):
        return  # the script replaced the folder with a link or a file: nothing is collected
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        abs_dir = os.path.join(OUTPUT_DIR, rel_dir) if rel_dir else OUTPUT_DIR
        try:
            names = sorted(os.listdir(abs_dir))
        except OSError:
            continue
        subdirs = []
        for name in names:
            rel = os.path.join(rel_dir, name) if rel_dir else name
            path = os.path.join(abs_dir, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISDIR(st.st_mode):
                subdirs.append(rel)
            else:
                yield rel, path, st
        stack.extend(reversed(subdirs))


def collect_artifacts(caps):
    """Returns (accepted list of dicts with an open fd, skipped list, omitted count)."""
    accepted, skipped, omitted = [], [], 0
    taken = set()
    total = 0
    real_root = os.path.realpath(OUTPUT_DIR)

    def skip(name, reason):
        nonlocal omitted
        if len(skipped) < SKIPPED_LIST_MAX:
            skipped.append({"name": name, "reason": reason})
        else:
            omitted += 1

    for rel, path, st in _walk_output():
        name = safe_name(rel)
        if stat.S_ISLNK(st.st_mode):
            skip(name, "symlink")
            continue
        if not stat.S_ISREG(st.st_mode):
            skip(name, "not_regular_file")
            continue
        if not os.path.realpath(path).startswith(real_root + os.sep):
            skip(name, "outside_output")
            continue
        if len(accepted) >= caps["artifact_count"]:
            skip(name, "too_many")
            continue
        if st.st_size > caps["artifact_bytes"]:
            skip(name, "too_large")
            continue
        if total + st.st_size > caps["artifact_total_bytes"]:
            skip(name, "total_too_large")
            continue
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            skip(name, "unreadable")
            continue
        fst = os.fstat(fd)
        if (fst.st_ino, fst.st_dev) != (st.st_ino, st.st_dev) or not stat.S_ISREG(fst.st_mode):
            os.close(fd)
            skip(name, "changed")
            continue
        size, sha256 = _hash(fd)
        if size > caps["artifact_bytes"] or total + size > caps["artifact_total_bytes"]:
            os.close(fd)
            skip(name, "too_large")
            continue
        total += size
        name = _unique(name, taken)
        accepted.append({"name": name, "bytes": size, "sha256": sha256, "fd": fd, "rel": rel})
    return accepted, skipped, omitted


def _hash(fd):
    """(bytes read, sha256 hex) of what the descriptor holds now: the size that counts is the one read."""
    digest = hashlib.sha256()
    size = 0
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()
