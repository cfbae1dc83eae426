"""The one error type of ingest: an input that cannot be read, with the reason in plain words."""


class InputError(Exception):
    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
