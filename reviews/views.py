from django.core.exceptions import ValidationError
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from claims_project.etag_viewsets import ConditionalReadMixin, etag
from claims_project.serializers import as_api_error
from reviews.claimreview import claimreview_document, claimreview_feed, claimreview_import
from reviews.claimreview import published_reviews as published_for_claimreview
from reviews.models import Review
from reviews.selectors import user_is_editor
from reviews.serializers import ReviewChangeSerializer, ReviewSerializer, ReviewWriteSerializer
from reviews.services import (
    review_create,
    review_publish,
    review_submit,
    review_update,
    review_withdraw,
)


class ReviewViewSet(
    ConditionalReadMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Reviews. Anonymous readers see published ones; reviewers write their own drafts, submit
    and publish them; a published review is never changed: a new one supersedes it."""

    serializer_class = ReviewSerializer
    filterset_fields = {"claim": ["exact"], "rating": ["exact"], "status": ["exact"]}
    ordering_fields = ["id", "published_at"]

    def get_queryset(self):
        reviews = Review.objects.select_related("reviewer")
        if not self.request.user.is_authenticated:
            reviews = reviews.filter(status=Review.Status.PUBLISHED)
        return reviews

    def _answer(self, review: Review, code=status.HTTP_200_OK) -> Response:
        review = self.get_queryset().get(pk=review.pk)
        response = Response(ReviewSerializer(review).data, status=code)
        response["ETag"] = etag(review)
        return response

    @extend_schema(request=ReviewWriteSerializer, responses={201: ReviewSerializer})
    def create(self, request):
        data = ReviewWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            review = review_create(reviewer=request.user, **data.validated_data)
        except ValidationError as exc:
            raise as_api_error(exc) from exc
        return self._answer(review, status.HTTP_201_CREATED)

    @extend_schema(request=ReviewChangeSerializer, responses={200: ReviewSerializer})
    def partial_update(self, request, pk=None):
        review = self.get_object()
        data = ReviewChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            review = review_update(
                review=review, by=request.user,
                expected_fingerprint=request.headers.get("If-Match"), **data.validated_data,
            )  # fmt: skip
        except ValidationError as exc:
            raise as_api_error(exc) from exc
        return self._answer(review)

    def _move(self, request, service) -> Response:
        with transaction.atomic():
            review = self.get_object()
            self._check_precondition(review)
            try:
                review = service(review=review, by=request.user)
            except ValidationError as exc:
                raise as_api_error(exc) from exc
        return self._answer(review)

    @extend_schema(request=None, responses={200: ReviewSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def submit(self, request, pk=None):
        """Hand a draft to the editors."""
        return self._move(request, review_submit)

    @extend_schema(request=None, responses={200: ReviewSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def publish(self, request, pk=None):
        """Publish: the claim's current verdict becomes this review's."""
        return self._move(request, review_publish)

    @extend_schema(request=None, responses={200: ReviewSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def withdraw(self, request, pk=None):
        """Withdraw: the verdict falls back to the latest review still published."""
        return self._move(request, review_withdraw)

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get"], url_path="claimreview", filter_backends=[])
    def claimreview(self, request, pk=None):
        """The review as schema.org ClaimReview JSON-LD (published reviews only)."""
        review = get_object_or_404(published_for_claimreview(), pk=pk)
        document = claimreview_document(review, request=request)
        return Response(document, content_type="application/ld+json")


class ClaimReviewFeedView(APIView):
    """GET: every published review as schema.org ClaimReview JSON-LD (an @graph)."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        return Response(claimreview_feed(request=request), content_type="application/ld+json")


class ClaimReviewImportView(APIView):
    """POST a ClaimReview JSON-LD document: creates the matching claim and published review.

    For editors: the import publishes a verdict, so it needs the right to add claims."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=OpenApiTypes.OBJECT, responses={201: ReviewSerializer})
    def post(self, request):
        if not (request.user.is_superuser or user_is_editor(request.user)):
            return Response({"detail": "only editors import ClaimReview documents"}, status=403)
        if not isinstance(request.data, dict):
            return Response({"non_field_errors": ["send one ClaimReview JSON object"]}, status=400)
        try:
            review = claimreview_import(dict(request.data), reviewer=request.user)
        except ValidationError as exc:
            raise as_api_error(exc) from exc
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)
