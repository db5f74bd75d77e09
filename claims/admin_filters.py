"""List filters of the claim admin that need more than a field's choices: the triage default."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from claims.models import Claim

# Context rather than claims: "a 10-year sentence", "a 17-year-old". Stored, shown on request.
HIDDEN_BY_DEFAULT = (Claim.FigureKind.DURATION, Claim.FigureKind.AGE)
ALL = "all"


class FigureKindFilter(admin.SimpleListFilter):
    """ "Figure kind": by default the list shows quantities and vague figures ("hundreds of"),
    the figures an editor triages; durations and ages are one click away, or all kinds."""

    title = _("Figure kind")
    parameter_name = "figure_kind"

    def lookups(self, request, model_admin):
        return [(ALL, _("All kinds")), *Claim.FigureKind.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset.exclude(figure_kind__in=HIDDEN_BY_DEFAULT)
        if value == ALL:
            return queryset
        return queryset.filter(figure_kind=value)

    def choices(self, changelist):
        # The first choice is the default queue (no parameter), not "all" as Django words it.
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Quantities and vague figures"),
        }
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == str(value),
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }
