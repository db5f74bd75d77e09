"""Extension points for admin pages: how an app adds parts to a lower app's admin page.

The lower app owns the page (one ModelAdmin, registered once) and an ``AdminExtensionPoint``
beside it; an upper app registers an ``AdminExtension`` on it when its admin module is imported.
The page reads the extensions at each request, so which parts it shows does not depend on the
order of INSTALLED_APPS, and no app unregisters another's admin.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.options import IS_POPUP_VAR
from django.http import HttpResponseRedirect

# A read-only part of a page: a function of the row, decorated with @admin.display.
Part = Callable[[Any], Any]


@dataclass(frozen=True)
class AdminExtension:
    """What one app adds to another app's admin page.

    - ``inlines``: inline classes, after the page's own.
    - ``list_display``, ``list_filter``: columns and filters of the list, after the page's own.
    - ``readonly_parts``: read-only parts (functions of the row) on the change page.
    - ``fieldsets``: fieldsets after the page's own (their fields may name ``readonly_parts``).
    - ``replaces``: field names that the extension's parts stand in for on the change page.
    - ``actions``: admin actions, functions ``(model_admin, request, queryset)``.
    - ``action_fields``: form fields shown beside the actions (an action reads them from POST).
    - ``queryset``: ``(request, queryset) -> queryset``, e.g. annotations its columns read, or
      a narrower scope.
    - ``save_new``: ``(model_admin, request, obj, form) -> obj``: stores a new row in the
      extension's own way (at most one extension of a page may have one).
    - ``saved``: ``(model_admin, request, obj, change) -> None``, called once a row and its
      inlines are stored, after the page's own messages: for what the row means to the
      extension's app (a warning of its own, say).
    - ``css``: stylesheets its parts need.
    - ``page_links``: ``(request, obj) -> [(label, url), ...]``: buttons at the top of a row's
      change page, for what the user can do next with the row (e.g. "Write a review").
    - ``hidden_row``: ``(request, object_id) -> (message, url) | None``: when a row the user
      may not see is opened, what to tell them and where to send them instead of admin's
      "doesn't exist" (None: the row really does not exist, or nothing better to say).
    """

    inlines: Sequence[type] = ()
    list_display: Sequence[str | Part] = ()
    list_filter: Sequence[Any] = ()
    readonly_parts: Sequence[Part] = ()
    fieldsets: Sequence[tuple[str | None, dict]] = ()
    replaces: Sequence[str] = ()
    actions: Sequence[Callable] = ()
    action_fields: dict[str, forms.Field] = field(default_factory=dict)
    queryset: Callable[[Any, Any], Any] | None = None
    save_new: Callable[..., Any] | None = None
    saved: Sequence[Callable[..., None]] = ()
    css: Sequence[str] = ()
    page_links: Callable[[Any, Any], list[tuple[str, str]]] | None = None
    hidden_row: Callable[[Any, str], tuple[str, str] | None] | None = None


class AdminExtensionPoint:
    """The extensions registered for one admin page, in the order they were registered."""

    def __init__(self, page: str) -> None:
        self.page = page
        self._extensions: list[AdminExtension] = []

    def register(self, extension: AdminExtension) -> AdminExtension:
        """Add ``extension`` to the page; registering the same one twice changes nothing."""
        if extension in self._extensions:
            return extension
        if extension.save_new is not None and self.save_new() is not None:
            raise ValueError(f"the {self.page} admin already has a save_new extension")
        self._extensions.append(extension)
        return extension

    def unregister(self, extension: AdminExtension) -> None:
        """Take ``extension`` off the page again (for tests)."""
        self._extensions.remove(extension)

    def collect(self, name: str) -> list:
        """Every extension's ``name`` entries, one list."""
        return [item for extension in self._extensions for item in getattr(extension, name)]

    def action_fields(self) -> dict[str, forms.Field]:
        fields: dict[str, forms.Field] = {}
        for extension in self._extensions:
            fields.update(extension.action_fields)
        return fields

    def querysets(self) -> list[Callable]:
        return [e.queryset for e in self._extensions if e.queryset is not None]

    def hooks(self, name: str) -> list[Callable]:
        """Every extension's ``name`` callable (page_links, hidden_row), where it has one."""
        return [getattr(e, name) for e in self._extensions if getattr(e, name) is not None]

    def save_new(self) -> Callable | None:
        return next((e.save_new for e in self._extensions if e.save_new is not None), None)


class ExtensibleAdmin:
    """A ModelAdmin mixin that shows the parts its ``extensions`` point holds.

    Put it first among the bases; the page's own parts stay in the usual attributes. For the
    extensions' fields beside the actions, the page's ``action_form`` is an
    ``ExtensibleActionForm`` on the same point."""

    extensions: AdminExtensionPoint

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *self.extensions.collect("inlines")]

    def get_list_display(self, request):
        return [*super().get_list_display(request), *self.extensions.collect("list_display")]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), *self.extensions.collect("list_filter")]

    def get_readonly_fields(self, request, obj=None):
        own = list(super().get_readonly_fields(request, obj))
        if obj is None:
            return own
        return [*own, *self.extensions.collect("readonly_parts")]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is None:
            return fields
        replaced = set(self.extensions.collect("replaces"))
        parts = self.extensions.collect("readonly_parts")
        placed = set(_fieldset_fields(self.extensions.collect("fieldsets")))
        kept = [f for f in fields if f not in replaced and f not in parts]
        return [*kept, *(part for part in parts if part not in placed)]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or not self.fieldsets:
            return fieldsets
        return [*fieldsets, *self.extensions.collect("fieldsets")]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        for extend in self.extensions.querysets():
            queryset = extend(request, queryset)
        # The list skips the page's list_select_related once anything is joined in already: an
        # extension's join must not cost the page its own.
        own = self.list_select_related
        if queryset.query.select_related and isinstance(own, list | tuple) and own:
            queryset = queryset.select_related(*own)
        return queryset

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        extra = [self.get_action(action) for action in self.extensions.collect("actions")]
        for func, name, description in self._filter_actions_by_permissions(request, extra):
            actions[name] = (func, name, description)
        return actions

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        links = []
        if obj is not None:
            for page_links in self.extensions.hooks("page_links"):
                links.extend(page_links(request, obj))
        context["extension_links"] = links
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # A row hidden from this user by an extension's scope is explained in its words.
        for hidden_row in self.extensions.hooks("hidden_row"):
            answer = hidden_row(request, object_id)
            if answer is not None:
                message, url = answer
                self.message_user(request, message, messages.WARNING)
                return HttpResponseRedirect(url)
        return super()._get_obj_does_not_exist_redirect(request, opts, object_id)

    def save_model(self, request, obj, form, change: bool) -> None:
        save_new = None if change else self.extensions.save_new()
        if save_new is None:
            super().save_model(request, obj, form, change)
            return
        saved = save_new(self, request, obj, form)
        # Admin goes on with the instance it holds (its messages and redirect use the pk).
        obj.pk = saved.pk
        obj._state.adding = False

    def response_add(self, request, obj, post_url_continue=None):
        for saved in self.extensions.collect("saved"):
            saved(self, request, obj, False)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        for saved in self.extensions.collect("saved"):
            saved(self, request, obj, True)
        return super().response_change(request, obj)

    @property
    def media(self):
        media = super().media
        css = self.extensions.collect("css")
        return media + forms.Media(css={"all": css}) if css else media


class ExtensibleActionForm(ActionForm):
    """An admin action bar form that also shows the fields the extensions of ``extensions``
    add (each action reads its own from the POST)."""

    extensions: AdminExtensionPoint

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, form_field in self.extensions.action_fields().items():
            self.fields[name] = copy.deepcopy(form_field)


def _fieldset_fields(fieldsets) -> list:
    names: list = []
    for _, options in fieldsets:
        for entry in options.get("fields", ()):
            names.extend(entry if isinstance(entry, tuple | list) else [entry])
    return names
