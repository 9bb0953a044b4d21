"""Data package: the pactgraph ontology, vocabularies, gazetteers and shapes (Turtle)."""
