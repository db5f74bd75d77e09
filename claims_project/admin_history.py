"""History pages of admin that show only what the user may see and never save a past version."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from simple_history.template_utils import HistoricalRecordContextHelper


class WordedChanges(HistoricalRecordContextHelper):
    """A past change as people read it: a field with choices shows the choice's words
    ("Different period: both can be true", "Confirmed"), not the code stored."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.choices and isinstance(value, str) and value:
            return dict(field.flatchoices).get(value, value)
        return super().prepare_delta_change_value(change, value)


class SafeHistoryMixin:
    """simple_history's history pages, read-only and scoped like the rest of the admin.

    simple_history's page for one past version saves a POST with nothing more than view
    permission, and its history list falls back to any past row when the object is not in the
    user's queryset. Here both pages show only what the user may see, and a past version is
    never saved back (a revert would also skip the concurrency check): people copy values over
    on the change page instead.
    """

    def _history_allowed(self, request, object_id) -> bool:
        if request.user.is_superuser:
            return True
        return self.get_queryset(request).filter(pk=unquote(object_id)).exists()

    def history_view(self, request, object_id, extra_context=None):
        if not self._history_allowed(request, object_id):
            raise Http404("no such object")
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        if not self._history_allowed(request, object_id):
            raise Http404("no such object")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return WordedChanges(self.model, historical_record)

    def revert_disabled(self, request, obj=None) -> bool:
        return True
