"""The edge: plain data in and out through one cattrs converter; file formats build on it."""

from gender_plan.io.converter import make_converter, structure, unstructure

__all__ = ["make_converter", "structure", "unstructure"]
