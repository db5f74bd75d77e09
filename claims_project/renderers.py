"""JSON through orjson: several times faster than the standard library on large pages."""

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_FALLBACK = JSONEncoder()


class ORJSONRenderer(JSONRenderer):
    """DRF's JSON renderer with orjson doing the encoding; anything orjson does not know
    (Decimal, lazy translations) goes through DRF's own encoder."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        return orjson.dumps(data, default=_FALLBACK.default, option=orjson.OPT_NON_STR_KEYS)
