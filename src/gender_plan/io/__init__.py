"""The edge: plain data in and out through one cattrs converter; file formats build on it.

Plan files (YAML, JSON, TOML) are in `gender_plan.io.plan_files`, their JSON Schema in
`gender_plan.io.schema`, measurement tables (CSV, XLSX) in `gender_plan.io.measurements`, and
pandas DataFrames, behind the ``pandas`` extra, in `gender_plan.io.frames`.
"""

from gender_plan.io.converter import make_converter, structure, unstructure
from gender_plan.io.measurements import load_measurements, save_measurements
from gender_plan.io.plan_files import dumps_plan, load_plan, loads_plan, save_plan
from gender_plan.io.schema import plan_schema

__all__ = [
    "dumps_plan",
    "load_measurements",
    "load_plan",
    "loads_plan",
    "make_converter",
    "plan_schema",
    "save_measurements",
    "save_plan",
    "structure",
    "unstructure",
]
