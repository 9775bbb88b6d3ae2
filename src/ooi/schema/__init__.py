"""pydantic's errors translated into S findings at YAML key paths, with suggestions. Imports input, model, i18n."""
