"""An open file's bytes as pieces, read as they are asked for (a copy that never holds the whole file)."""

from __future__ import annotations

import os
from collections.abc import Iterator

PIECE_BYTES = 1 << 18  # as small as the codec's pieces: a backup holds no more than a save


def pieces_of(fd: int, piece_bytes: int = PIECE_BYTES) -> Iterator[bytes]:
    """The bytes of the open file ``fd`` from its start to its end, ``piece_bytes`` at a time.

    Read with ``pread``, so the descriptor's own position is left alone. The
    caller keeps ``fd`` open until the pieces have all been taken.
    """
    offset = 0
    while piece := os.pread(fd, piece_bytes, offset):
        yield piece
        offset += len(piece)
