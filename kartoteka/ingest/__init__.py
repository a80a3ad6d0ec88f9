"""Reading sources in: narrative files, curated casefiles, registry lists."""
