"""PDF summaries with reportlab. No Qt here."""
