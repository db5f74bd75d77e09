"""Article text as stored: one normal form, and the hash that identifies it. Pure Python."""

import hashlib


def normalize_body(text: str) -> str:
    """The stored form of an article body: Unix line ends, no byte-order mark, no trailing blanks.

    Character offsets into the body count characters of this form, and the content hash is taken
    over it, so the same article saved on Windows or on Linux is one article.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip() + "\n" if text.strip() else ""


def content_hash(body: str) -> str:
    """SHA-256 of the normalized body, hex: the identity of an article's text."""
    return hashlib.sha256(normalize_body(body).encode("utf-8")).hexdigest()
