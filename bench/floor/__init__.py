"""The framework floor: a minimal Django app whose one view returns the article's HTML bytes.

It measures what Django and granian cost on this machine with no database, no templates and
no middleware: no litfass page can be faster than this.
"""

from __future__ import annotations
