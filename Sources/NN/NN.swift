// Module NN: see shared DESIGN.md for its place among the layers.
