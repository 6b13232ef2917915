"""counterclaim: a ledger of attributed, quantified claims from conflict news reports."""

from __future__ import annotations

__version__ = "0.1.0"

from counterclaim.model import Actor, Claim, Document, Incident, Place

__all__ = ["Actor", "Claim", "Document", "Incident", "Place", "__version__"]
