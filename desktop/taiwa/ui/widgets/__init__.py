"""Small reusable widgets of the pages: charts, chips, the private-notes editor, delegates."""
