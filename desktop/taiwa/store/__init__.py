"""Typed queries over the vault (people, meetings, topics, actions, search). No Qt here."""
