"""Helpers to look inside a PDF the way a reader (or an attacker) would."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader
from pypdf.generic import IndirectObject


def reader(pdf: bytes, password: str | None = None) -> PdfReader:
    r = PdfReader(io.BytesIO(pdf))
    if password is not None:
        r.decrypt(password)
    return r


def text(pdf: bytes, password: str | None = None) -> str:
    """All text, pages joined; whitespace collapsed so wrapped lines still match."""
    r = reader(pdf, password)
    joined = "\n".join(page.extract_text() for page in r.pages)
    return joined


def flat(pdf: bytes, password: str | None = None) -> str:
    """The text with every whitespace removed (a wrapped phrase matches across lines)."""
    return re.sub(r"\s+", "", text(pdf, password))


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def fonts(pdf: bytes) -> dict[str, dict[str, Any]]:
    """BaseFont name → font dictionary, over every page."""
    found: dict[str, dict[str, Any]] = {}
    for page in reader(pdf).pages:
        resources = _resolve(page.get("/Resources")) or {}
        for ref in (_resolve(resources.get("/Font")) or {}).values():
            font = _resolve(ref)
            found[str(font["/BaseFont"])] = font
    return found


def annotations(pdf: bytes) -> list[Any]:
    out: list[Any] = []
    for page in reader(pdf).pages:
        annots = _resolve(page.get("/Annots"))
        if annots:
            out += [_resolve(a) for a in annots]
    return out


def images(pdf: bytes) -> list[Any]:
    """Every image XObject on any page (user markup must never embed one)."""
    out: list[Any] = []
    for page in reader(pdf).pages:
        resources = _resolve(page.get("/Resources")) or {}
        for ref in (_resolve(resources.get("/XObject")) or {}).values():
            xobject = _resolve(ref)
            if xobject.get("/Subtype") == "/Image":
                out.append(xobject)
    return out
