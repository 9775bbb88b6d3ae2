"""What writes files for a person or a pull request: new records, templates, CODEOWNERS, schemas, changed files. Imports coverage and below."""
