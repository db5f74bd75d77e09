from rest_framework import mixins, viewsets

from claims.models import Metric, Speaker
from claims.selectors import claim_list
from claims.serializers import ClaimSerializer, MetricSerializer, SpeakerSerializer


class SpeakerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = SpeakerSerializer
    queryset = Speaker.objects.order_by("id")
    filterset_fields = {"kind": ["exact"], "slug": ["exact"], "name": ["icontains"]}


class MetricViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = MetricSerializer
    queryset = Metric.objects.order_by("id")
    filterset_fields = {"kind": ["exact"], "slug": ["exact"], "canonical_unit": ["exact"]}


class ClaimViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ClaimSerializer
    filterset_fields = {
        "metric__slug": ["exact"],
        "speaker__slug": ["exact"],
        "article": ["exact"],
        "article__outlet__slug": ["exact"],
        "status": ["exact"],
        "qualifier": ["exact"],
        "verdict": ["exact"],
        "as_of_start": ["gte", "lte"],
    }

    def get_queryset(self):
        return claim_list(user=self.request.user)
