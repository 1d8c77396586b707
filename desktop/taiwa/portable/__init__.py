"""Records out of and into the vault, in formats readable without Taiwa — no Qt.

``export_data`` writes a folder (``taiwa.json``, ``actions.csv``, ``notes/*.md``);
``import_data`` reads a Taiwa JSON file, a people CSV or a folder of Markdown notes, previews it
and writes it in one transaction; ``handover`` writes one person's shared history for their next
manager. The format is documented in docs/portable-format.md; the limits in ``limits``.
"""
