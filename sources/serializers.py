from claims_project.serializers import SlugOrPrimaryKeyRelatedField, ValidatedModelSerializer
from sources.models import Article, Outlet


class OutletSerializer(ValidatedModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "slug", "name", "homepage"]


class ArticleSerializer(ValidatedModelSerializer):
    """An article; its body is archived evidence, so only its metadata can change."""

    outlet = OutletSerializer(read_only=True, allow_null=True)
    outlet_id = SlugOrPrimaryKeyRelatedField(
        source="outlet", queryset=Outlet.objects.all(), write_only=True, required=False,
        allow_null=True,
    )  # fmt: skip

    class Meta:
        model = Article
        fields = [
            "id", "title", "url", "outlet", "outlet_id", "published", "published_precision",
            "date_basis", "content_hash", "imported_at", "body",
        ]  # fmt: skip
        read_only_fields = ["content_hash", "imported_at", "body"]
