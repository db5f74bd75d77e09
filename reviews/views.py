from rest_framework import mixins, viewsets

from reviews.models import Review
from reviews.serializers import ReviewSerializer


class ReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ReviewSerializer
    filterset_fields = {"claim": ["exact"], "rating": ["exact"], "status": ["exact"]}

    def get_queryset(self):
        reviews = Review.objects.select_related("reviewer")
        if not self.request.user.is_authenticated:
            reviews = reviews.filter(status=Review.Status.PUBLISHED)
        return reviews
