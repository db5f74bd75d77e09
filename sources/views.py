from rest_framework import mixins, viewsets

from claims_project.etag_viewsets import ConditionalWriteMixin, EditableViewSet
from sources.models import Article, Outlet
from sources.serializers import ArticleSerializer, OutletSerializer


class OutletViewSet(EditableViewSet):
    serializer_class = OutletSerializer
    queryset = Outlet.objects.order_by("id")
    filterset_fields = {"slug": ["exact"], "name": ["exact", "icontains"]}
    ordering_fields = ["id", "name"]


class ArticleViewSet(
    ConditionalWriteMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Articles. New ones come in through POST /api/articles/import/; the body is evidence and
    never changes, so only the metadata (title, outlet, url, date) can be edited."""

    serializer_class = ArticleSerializer
    queryset = Article.objects.select_related("outlet").order_by("id")
    filterset_fields = {
        "outlet__slug": ["exact"],
        "published": ["exact", "gte", "lte"],
    }
    ordering_fields = ["id", "published"]
