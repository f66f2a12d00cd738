"""The hub's settings as ./course hub passes them (environment variables), read the same way by
jupyterhub_config.py and by ./course hub, which checks them before it installs anything."""

from __future__ import annotations

import os

UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def memory_bytes(text: str) -> int:
    """'2G', '1536M', '1.5G', '0' -> bytes (K, M, G, T are powers of 1024; 0 means no limit)."""
    t = text.strip().upper()
    t = t[:-1] if t.endswith("B") else t
    try:
        value = float(t[:-1]) * UNITS[t[-1]] if t and t[-1] in UNITS else float(t)
    except ValueError:
        value = -1
    if value < 0 or value != value:
        raise ValueError(f"not a memory size: {text!r} (write it like 2G, 1536M, or 0 for no limit)")
    return int(value)


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise ValueError(f"${name} must be a whole number, not {value!r}") from None
