"""One lock around every pipe-and-fork of the server, so no child inherits another's pipe.

The server forks from several threads at once: query workers and the validation
screen (both ``graph.workers``) and isolated uploads (``api.isolation``). Each
creates a pipe, forks, and then closes in the parent the end its child uses. A fork
by another thread inside that window copies the open end into an unrelated,
possibly long-lived child: an upload's answer pipe then never reaches end of file
while that query worker lives, and the upload waits for it (measured: 5 uploads in
2 minutes under query load instead of several a second). Holding this lock from
``os.pipe`` to the parent's ``os.close`` closes the window.
"""

from __future__ import annotations

import threading

FORK_LOCK = threading.Lock()
