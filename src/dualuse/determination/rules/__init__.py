"""The "do I need a licence?" rules engine (Regulation (EU) 2021/821), pure Python, no Django.

Entry points: `request.parse_request` (JSON request -> `Facts`), `engine.determine` (facts -> result),
`context.load_context` (the versioned data the rules read) and `batch.determine_batch` (JSON lines).
"""
