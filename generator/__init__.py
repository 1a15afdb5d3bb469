"""The breach tracker's generator: incident YAML files in, a bilingual MkDocs site's pages out.

The pipeline runs one way: load -> validate -> model -> aggregate -> render -> write.
Each stage is a module of its own; only `load` reads incident files and only `write` writes.
"""
