"""Data package: the named SPARQL queries (.rq) of pactgraph."""
