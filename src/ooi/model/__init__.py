"""Records and the facts they rest on: pydantic models, field docs, codes and severities, data/ loaders. Imports only i18n."""
