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
