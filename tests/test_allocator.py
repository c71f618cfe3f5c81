"""The allocator setting of build processes: freed memory is reused, not returned and faulted in again."""

import subprocess
import sys

import pytest

# In a fresh interpreter: allocate and free a 24 MB block, then count the page faults of a second
# one. glibc's default serves such a block with mmap and unmaps it on free, so the second block
# faults in every page again (about 6,000); with the setting it reuses the freed heap memory.
SCRIPT = """
import resource, sys
from helpers.allocator import keep_freed_memory
if sys.argv[1] == "kept":
    assert keep_freed_memory()
block = bytearray(24_000_000); block[::4096] = b"x" * len(block[::4096]); del block
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
block = bytearray(24_000_000); block[::4096] = b"x" * len(block[::4096])
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults_of_second_block(mode: str) -> int:
    result = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True)
    return int(result.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_build_processes_reuse_freed_memory_instead_of_faulting_it_in_again():
    default, kept = _faults_of_second_block("default"), _faults_of_second_block("kept")
    assert default > 5000  # 24 MB / 4 KB pages: the block came from a fresh mapping
    assert kept < 500, (default, kept)
