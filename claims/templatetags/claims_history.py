"""History pages as people read them: an empty value is "—", never "None" or a placeholder for
a related row that was never set ("Deleted metric (pk=None)")."""

from django import template
from simple_history.models import DeletedObject

register = template.Library()

EMPTY = "—"


@register.filter
def history_value(value) -> object:
    """A value of a history change, with "no value" shown as a dash."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, DeletedObject) and value.pk is None:
        return EMPTY
    # simple_history's admin hands the values over already as text: a related row that was
    # never set reads "Deleted <model> (pk=None)" there.
    if isinstance(value, str) and value.endswith("(pk=None)"):
        return EMPTY
    return value


@register.filter
def any_change_reason(records) -> bool:
    """Whether some version on the page gives a reason for its change."""
    return any(record.history_change_reason for record in records)


@register.filter
def history_column(record, name: str) -> object:
    """An extra column of the history list (``history_list_display``), by attribute name."""
    return getattr(record, name, None)
