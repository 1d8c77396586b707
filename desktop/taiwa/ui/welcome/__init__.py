"""The welcome shown instead of an empty dashboard: the first steps in a new, empty vault."""

from taiwa.ui.welcome.panel import DEMO_COMMANDS, WelcomePanel

__all__ = ["DEMO_COMMANDS", "WelcomePanel"]
