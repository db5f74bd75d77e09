from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from claims_project.admin_extensions import AdminExtensionPoint, ExtensibleAdmin
from claims_project.admin_history import SafeHistoryMixin
from sources.models import Article, Outlet
from sources.readers import read_text
from sources.text import content_hash, normalize_body


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "homepage", "article_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj: Outlet) -> int:
        return obj.article_count


UNDATED_WARNING = "This article has no publication date."


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title", "outlet", "url", "published", "published_precision", "date_basis", "body",
        ]  # fmt: skip

    def clean_body(self) -> str:
        body = normalize_body(self.cleaned_data.get("body", ""))
        if not body:
            raise ValidationError("the article text is empty")
        if self.instance.pk is None:
            duplicate = Article.objects.filter(content_hash=content_hash(body)).first()
            if duplicate is not None:
                raise ValidationError(
                    f"this text is already stored as article #{duplicate.pk} ({duplicate.title})"
                )
        return body


# The article page's extension point: apps above sources add their parts here (inlines, columns,
# read-only parts, actions, a way of storing a new article) instead of replacing the admin.
article_admin_extensions = AdminExtensionPoint("article")


@admin.register(Article)
class ArticleAdmin(ExtensibleAdmin, SafeHistoryMixin, SimpleHistoryAdmin):
    """The article page; what other apps show on it comes through article_admin_extensions."""

    extensions = article_admin_extensions
    form = ArticleAdminForm
    list_display = ["title", "outlet", "published", "imported_at"]
    list_filter = ["outlet", "published_precision", ("published", admin.DateFieldListFilter)]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "imported_at"]

    def get_readonly_fields(self, request, obj=None):
        # The body is evidence: once stored it is shown, never edited (a trigger also refuses it).
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "body"] if obj is not None else readonly

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change:
            obj.content_hash = content_hash(obj.body)
            if obj.published is None:
                # The same reading as an import: a date in the first lines of the body.
                found = read_text(obj.body)
                obj.published, obj.date_basis = found.published, found.date_basis or obj.date_basis
                if obj.published is not None:
                    messages.info(request, f"Publication date read from the text: {obj.date_basis}")
        super().save_model(request, obj, form, change)
        if obj.published is None:
            messages.warning(request, UNDATED_WARNING)
