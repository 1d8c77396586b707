"""Before and after a 1on1, with the report and without a server. No Qt here.

- :mod:`~taiwa.prep.facts`: what to look at before the next 1on1 with a person;
- :mod:`~taiwa.prep.sheet`: the prep sheet for the report (Markdown/text and one offline HTML
  file with a form);
- :mod:`~taiwa.prep.answers`: the answer block the report sends back, read into agenda items;
- :mod:`~taiwa.prep.recap`: the recap after a meeting (text and an .ics of the next one).

Only shared content ever leaves through these: never private notes, mood or signals.
"""
