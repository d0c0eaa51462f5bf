// Module Lang: see shared DESIGN.md for its place among the layers.
