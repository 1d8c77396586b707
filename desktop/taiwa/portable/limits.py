"""How much an import may read: a hostile or mistaken file is refused before it costs much.

Measured (tests/e2e/test_portable_cli.py -m slow -s, on 2 shared cores): each hostile case is
refused in under 4 s (the interpreter's start included) and 180 MB of memory. The ten-year
demo vault (100 people, 20 198 meetings, 108 743 topics, 64 582 actions) exports to a 56.6 MB
taiwa.json with private parts, inside the JSON limit.
"""

from __future__ import annotations

#: A Taiwa JSON file (the ten-year demo vault with private parts: 56.6 MB).
MAX_JSON_BYTES = 64 * 1024 * 1024
#: Records in one JSON file, per kind (the project's ten-year vault: 100 people, 20 000
#: meetings, 200 000 topics and actions).
MAX_PEOPLE = 10_000
MAX_MEETINGS = 100_000
MAX_TOPICS = 500_000
MAX_ACTIONS = 500_000
#: Containers and strings in a JSON file, counted on the raw bytes before parsing (``[``, ``{``
#: and ``"``; brackets inside note text count too, which only makes the bound stricter). A
#: small file of ``[[],[],…`` or ``["","",…`` would otherwise become gigabytes of Python
#: objects. The ten-year vault needs about 0.5 M containers and 3.5 M quotes.
MAX_JSON_CONTAINERS = 2_000_000
MAX_JSON_QUOTES = 8_000_000
#: A people CSV.
MAX_CSV_BYTES = 4 * 1024 * 1024
MAX_CSV_ROWS = 10_000
#: An Obsidian folder: notes read, bytes per note, bytes in all, folder depth.
MAX_NOTES = 20_000
MAX_NOTE_BYTES = 1024 * 1024
MAX_NOTES_BYTES = 128 * 1024 * 1024
MAX_FOLDER_DEPTH = 8
#: Problems listed before the rest are only counted.
MAX_PROBLEMS = 200
