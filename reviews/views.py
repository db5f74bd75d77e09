from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.parsers import BaseParser
from rest_framework.response import Response
from rest_framework.views import APIView

from claims_project.etag_viewsets import ConditionalReadMixin, etag, required_if_match
from claims_project.parsers import CheckedJSONParser
from claims_project.serializers import as_api_error
from reviews.claimreview import (
    ItemStatus,
    NoClaimReview,
    claimreview_document,
    claimreview_feed,
    claimreview_items,
    claimreview_items_in_html,
    claimreviews_import,
)
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
    """Reviews. Anonymous readers see published ones; reviewers write their own drafts and
    submit them; editors publish submitted reviews (never their own); a published review is
    never changed: a new one supersedes it."""

    serializer_class = ReviewSerializer
    filterset_fields = {"claim": ["exact"], "rating": ["exact"], "status": ["exact"]}
    ordering_fields = ["id", "published_at"]

    def get_queryset(self):
        reviews = Review.objects.select_related("reviewer")
        user = self.request.user
        if user_is_editor(user):
            return reviews
        # Drafts and submitted reviews (with their rationale) are their reviewer's and the
        # editors' until published; everyone else reads published reviews only.
        published = Q(status=Review.Status.PUBLISHED)
        return reviews.filter(published | Q(reviewer=user) if user.is_authenticated else published)

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
        expected = required_if_match(request)
        review = self.get_object()
        data = ReviewChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            review = review_update(
                review=review, by=request.user, expected_fingerprint=expected,
                **data.validated_data,
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
        """Publish a submitted review (editors only, not their own): the claim's current
        verdict becomes this review's."""
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


class HTMLPageParser(BaseParser):
    """A saved fact-check page, as text: its JSON-LD is read by the importer."""

    media_type = "text/html"

    def parse(self, stream, media_type=None, parser_context=None) -> str:
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        return stream.read().decode(encoding, errors="replace")


class ClaimReviewImportView(APIView):
    """POST ClaimReview: one document, a list, an @graph, a DataFeed (JSON) or a saved
    fact-check page (``Content-Type: text/html``). Each item is answered on its own: imported,
    already stored, or skipped with the field and the reason.

    For editors: the import publishes verdicts, so it needs the right to add claims."""

    permission_classes = [permissions.IsAuthenticated]
    # JSON is checked like every other body (NUL characters, lone surrogates, depth: a 400
    # naming the key path); a saved page is text whose JSON-LD the importer reads.
    parser_classes = [CheckedJSONParser, HTMLPageParser]

    @extend_schema(
        request={"application/json": OpenApiTypes.OBJECT, "text/html": OpenApiTypes.STR},
        responses={201: OpenApiTypes.OBJECT, 200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    )
    def post(self, request):
        if not (request.user.is_superuser or user_is_editor(request.user)):
            return Response({"detail": "only editors import ClaimReview documents"}, status=403)
        try:
            data = request.data
            if isinstance(data, str):
                items = claimreview_items_in_html(data)
            else:
                items = claimreview_items(data)
        except NoClaimReview as exc:
            return Response({"document": [str(exc)]}, status=400)
        results = claimreviews_import(items=items, reviewer=request.user)
        counts = {
            name: sum(1 for r in results if r.status == name)
            for name in (ItemStatus.IMPORTED, ItemStatus.ALREADY_STORED, ItemStatus.SKIPPED)
        }
        code = status.HTTP_201_CREATED if counts[ItemStatus.IMPORTED] else status.HTTP_200_OK
        return Response({**counts, "items": [r.as_dict() for r in results]}, status=code)
