"""Per-thread working state, so that one pipeline (or finder) can be shared by several threads."""

from __future__ import annotations

import threading


class DocState(threading.local):
    """A component's working state for the document it is reading, kept per thread: `__call__` sets it, the
    helpers read it, and threads sharing the component keep their documents' state apart. Pickled (a copy of the
    pipeline sent to another process) it starts empty."""

    def __reduce__(self):
        return (type(self), ())
