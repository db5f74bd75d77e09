from rest_framework import mixins, viewsets

from sources.models import Article, Outlet
from sources.serializers import ArticleSerializer, OutletSerializer


class OutletViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = OutletSerializer
    queryset = Outlet.objects.order_by("id")
    filterset_fields = {"slug": ["exact"], "name": ["exact", "icontains"]}


class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ArticleSerializer
    queryset = Article.objects.select_related("outlet").order_by("id")
    filterset_fields = {"outlet__slug": ["exact"], "published": ["exact", "gte", "lte"]}
