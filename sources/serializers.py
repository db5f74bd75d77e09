from rest_framework import serializers

from sources.models import Article, Outlet


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "slug", "name", "homepage"]


class ArticleSerializer(serializers.ModelSerializer):
    outlet = OutletSerializer(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id", "title", "url", "outlet", "published", "published_precision", "date_basis",
            "content_hash", "imported_at", "body",
        ]  # fmt: skip


class ArticleImportSerializer(serializers.Serializer):
    """One article to import: the same fields as an import JSON file."""

    body = serializers.CharField(trim_whitespace=False, max_length=2_000_000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    url = serializers.URLField(required=False, allow_blank=True, max_length=1000)
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    published = serializers.DateField(required=False, allow_null=True)
    extract = serializers.BooleanField(default=True)
