"""JSON through orjson: several times faster than the standard library on large pages."""

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_FALLBACK = JSONEncoder()


class ORJSONRenderer(JSONRenderer):
    """DRF's JSON renderer with orjson doing the encoding; anything orjson does not know
    (Decimal, lazy translations) goes through DRF's own encoder.

    Compact for programs; indented when the browsable API asks for it (it passes an indent in
    the renderer context) or a client sends ``Accept: application/json; indent=N``."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        option = orjson.OPT_NON_STR_KEYS
        # orjson indents by two spaces only; any indent asked for means "for a person".
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            option |= orjson.OPT_INDENT_2
        return orjson.dumps(data, default=_FALLBACK.default, option=option)
