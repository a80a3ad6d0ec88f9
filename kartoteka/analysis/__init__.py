"""What the claims add up to: cases, conflicts (later: corroboration, networks)."""
