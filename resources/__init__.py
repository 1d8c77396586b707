"""Bundled assets (fonts with their licence, translations, icons, question banks)."""
