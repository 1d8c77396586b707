"""Domain rules of the 1on1 log: pure functions over dataclasses. No Qt, no SQL, no I/O."""
