"""The actor knowledge base (being split into modules; see knowledge_base)."""

from counterclaim.actors.knowledge_base import *  # noqa: F403
