"""The languages of the genre: which one a text is written in, and the grammar words of each.

Domain words (crimes, cadences, cues, units) are labels in ``ontology/``;
this package holds only what is grammar: articles, connectors, number words.
"""
