"""People's names (and phone numbers) in free text, found by `deduce`, a Dutch de-identification library.

Blind review redacts the startup's own names by rule (see blind.py), but a team section names people
who have no account here ("Ons team: Jan de Vries (CTO) en Priya Sharma"). deduce finds those by
lookup lists of Dutch first names and surnames, name patterns (initials, "van der", titles) and
context, in Dutch and in English text.

We load only what person names need. deduce's full set of lists (every Dutch street, every
healthcare institution) takes 1-2 minutes to build the first time, 7 s to load after that and 1.1 GB
of memory per process. Its name lists alone build in about 3 s, load in under 1 s from the cache
and take about 60 MB. So the first use copies deduce's lookup lists into the instance folder with the
street and institution lists emptied, and deduce builds and caches its structures there (nothing is
downloaded; deduce never uses the network). The place-name lists stay, so that "Eindhoven" is read
as a place and left alone instead of taken for a surname.

Loaded lazily, once per process, under a lock; `warm_up` does it in a background thread so that an
evaluator's first proposal page does not wait for it.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)

# Bump when the trimming below changes: a new cache folder is then built.
TRIM_VERSION = 1
# deduce's annotators we keep: the person-name ones, place names (so places are not read as names,
# their annotations are not redacted) and phone numbers.
ANNOTATORS = (
    "prefix_with_initial", "prefix_with_interfix", "prefix_with_name", "interfix_with_name",
    "initial_with_name", "initial_interfix", "first_name_lookup", "surname_lookup", "name_context",
    "placename", "phone",
)
REDACTED_TAGS = ("persoon", "patient", "telefoonnummer")
EMPTIED_LISTS = ("locations/lst_street", "institutions/lst_healthcare_institution", "institutions/lst_hospital",
                 "institutions/lst_hospital_abbr")

_lock = threading.Lock()
_deducer = None
_failed = False
_warming = False


def _source_folder() -> Path:
    import deduce

    return Path(deduce.__file__).parent / "data" / "lookup"


def _trimmed_lists(cache_root: Path) -> Path:
    """The folder with deduce's lookup lists minus streets and institutions, and its built cache.
    Made in a temporary folder and renamed into place, so parallel processes never see half of it."""
    import deduce

    target = cache_root / f"deduce-{deduce.__version__}-names-{TRIM_VERSION}"
    if (target / "cache" / "lookup_structs.pickle").is_file():
        return target
    cache_root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=cache_root, prefix=".deduce-"))
    try:
        shutil.copytree(_source_folder() / "src", building / "src", ignore=shutil.ignore_patterns("__pycache__"))
        for name in EMPTIED_LISTS:
            for text_file in (building / "src" / name).glob("*.txt"):
                text_file.write_text("")
        _new_deducer(building)  # builds deduce's structures and writes building/cache/lookup_structs.pickle
        try:
            os.rename(building, target)
        except OSError:  # another process got there first (or an old half-made folder): use theirs
            if not (target / "cache" / "lookup_structs.pickle").is_file():
                shutil.rmtree(target, ignore_errors=True)
                os.rename(building, target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return target


def _new_deducer(folder: Path):
    import json

    import deduce

    base = json.loads((Path(deduce.__file__).parent / "base_config.json").read_text(encoding="utf-8"))
    config = {key: value for key, value in base.items() if key != "annotators"}
    config["annotators"] = {name: spec for name, spec in base["annotators"].items() if name in ANNOTATORS}
    return deduce.Deduce(load_base_config=False, config=config, lookup_data_path=folder, cache_path=folder)


def load(cache_root: Path):
    """The process's deduce instance (None when it cannot be loaded: the reason is logged once, and
    blind review then relies on its own rules)."""
    global _deducer, _failed
    if _deducer is not None or _failed:
        return _deducer
    with _lock:
        if _deducer is None and not _failed:
            try:
                _deducer = _new_deducer(_trimmed_lists(cache_root))
            except Exception:  # a broken install or an unwritable instance folder must not break the page
                _failed = True
                log.exception("deduce could not be loaded; blind review redacts by its own rules only")
    return _deducer


def warm_up(cache_root: Path) -> None:
    """Load deduce in a background thread (returns at once; one thread at most)."""
    global _warming
    if _deducer is None and not _failed and not _warming:
        _warming = True
        threading.Thread(target=load, args=(cache_root,), name="deduce-warm-up", daemon=True).start()


@functools.lru_cache(maxsize=1024)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    document = _deducer.deidentify(text)
    return tuple(sorted((a.start_char, a.end_char) for a in document.annotations
                        if a.tag.startswith(REDACTED_TAGS)))


def spans(text: str, cache_root: Path) -> tuple[tuple[int, int], ...]:
    """Where people's names and phone numbers are in `text`: (start, end) character offsets."""
    if not text or load(cache_root) is None:
        return ()
    return _spans(text)
