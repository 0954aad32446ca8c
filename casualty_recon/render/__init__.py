"""Layer 5: the report, claims and timelines as text, Markdown, terminal tables, JSON, CSV and
charts; atomic writes of files.

Renderers take typed objects from `analysis`. Only `cli` imports this package.
"""
