"""Segment documents into words, tag campaign themes and slogans, and analyse them across places and time."""
