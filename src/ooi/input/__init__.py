"""Everything read from or written to disk: discovery, the one safe reader, libyaml construction, positions, ooi.yaml, CODEOWNERS, git. Imports model and i18n."""
