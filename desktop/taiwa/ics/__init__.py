"""Calendar import: .ics files → occurrences → 1on1 matches. No Qt here."""
