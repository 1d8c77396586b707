"""The execution-rate roll-up: numbers only, signed, read together by a skip-level manager or HR.

A manager exports a roll-up file for a period (:mod:`.collect` reads the figures from the vault,
:mod:`.document` writes and verifies the signed file); a reader opens several of them and sees
execution rates per team and overall against a target (:mod:`.view`), and may keep them in
their own vault (:mod:`taiwa.store.rollups`). The file never holds a title, a note, a mood or a
signal; people are pseudonymous unless the manager chooses names. The format is described in
:mod:`.document` and versioned.
"""
