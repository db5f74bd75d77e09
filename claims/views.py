from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.claim_rows import claim_detail, claim_rows, claim_values, rows_from_values
from claims.exports import claims_csv
from claims.filters import ArticleExtractionFilter, ClaimFilter
from claims.jobs import article_import, report_run_start
from claims.models import Claim, ConflictResolution, Metric, ReportRun, Speaker
from claims.reports.build import ReportError, ReportFilter, claim_report, metric_reports
from claims.reports.query_string import report_filter_from_query
from claims.reports.render import metric_json, render
from claims.selectors import claim_list, report_runs_visible_to
from claims.serializers import (
    ArticleImportSerializer,
    ArticleWithExtractionSerializer,
    ClaimSerializer,
    ClaimWriteSerializer,
    ConflictResolutionSerializer,
    MetricSerializer,
    ReportRunInputSerializer,
    ReportRunSerializer,
    SpeakerSerializer,
)
from claims.services import (
    BULK_LIMIT,
    BulkErrors,
    claim_bulk_create,
    claim_create,
    claim_update,
    conflict_resolve,
)
from claims_project.etag_viewsets import (
    ConditionalDeleteMixin,
    EditableViewSet,
)
from claims_project.serializers import as_api_error
from sources.models import Article
from sources.readers import ReadError, read_text
from sources.views import ArticleViewSet as SourcesArticleViewSet

CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}


UNDATED_IMPORT = (
    "no publication date was given or found in the first lines of the body, so the article's "
    "claims stay undated; PATCH the article's published date, then extract its claims again"
)


def report_error_response(exc: ReportError) -> Response:
    return Response({exc.field: [exc.message]}, status=status.HTTP_400_BAD_REQUEST)


class SpeakerViewSet(EditableViewSet):
    serializer_class = SpeakerSerializer
    queryset = Speaker.objects.order_by("id")
    filterset_fields = {"kind": ["exact"], "slug": ["exact"], "name": ["icontains"]}
    ordering_fields = ["id", "name"]


class MetricViewSet(EditableViewSet):
    serializer_class = MetricSerializer
    queryset = Metric.objects.order_by("id")
    filterset_fields = {"kind": ["exact"], "slug": ["exact"], "canonical_unit": ["exact"]}
    ordering_fields = ["id", "name"]

    @extend_schema(
        parameters=[
            OpenApiParameter("outlet", str, many=True),
            OpenApiParameter("since", OpenApiTypes.DATE),
            OpenApiParameter("include_candidates", bool),
        ],
        responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def report(self, request, pk=None):
        """The metric's diff report as JSON (the shape documented in the README)."""
        metric = self.get_object()
        try:
            flt = report_filter_from_query(request.query_params, user=request.user)
            flt = ReportFilter(
                metric=metric.slug, outlets=flt.outlets, since=flt.since,
                include_candidates=flt.include_candidates,
            )  # fmt: skip
            report = next(metric_reports(flt), None)
        except ReportError as exc:
            return report_error_response(exc)
        if report is None:
            return Response({"slug": metric.slug, "name": metric.name, "claims": [],
                             "findings": [], "summary": None})  # fmt: skip
        return Response(metric_json(report))


class ConflictReportView(APIView):
    """/api/reports/conflicts.<json|csv|html|markdown|text>: the whole report, streamed.

    An API view like the others: throttled, and a token signs in as a session does (a signed-in
    user may ask for candidate claims either way)."""

    permission_classes = [permissions.AllowAny]

    def perform_content_negotiation(self, request, force=False):
        # The format is the path's, not the Accept header's: never 406.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        operation_id="conflict_report",
        parameters=[
            OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=list(CONTENT_TYPES)),
            OpenApiParameter("metric", str),
            OpenApiParameter("outlet", str, many=True),
            OpenApiParameter("since", OpenApiTypes.DATE),
            OpenApiParameter("include_candidates", bool),
        ],
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "text/html"): OpenApiTypes.STR,
            (200, "text/markdown"): OpenApiTypes.STR,
            (200, "text/plain"): OpenApiTypes.STR,
            (400, "application/json"): OpenApiTypes.OBJECT,
        },
    )
    def get(self, request, fmt: str):
        """The conflict report of every metric (or one, with ?metric=), in the path's format."""
        if fmt not in CONTENT_TYPES:
            return Response({"format": [f"unknown format {fmt!r}"]}, status=400)
        try:
            flt = report_filter_from_query(request.query_params, user=request.user)
            reports = metric_reports(flt)
            first = next(reports, None)
        except ReportError as exc:
            return report_error_response(exc)

        def chained():
            if first is not None:
                yield first
                yield from reports

        response = StreamingHttpResponse(
            render(fmt, chained(), flt.describe()), content_type=CONTENT_TYPES[fmt]
        )
        if fmt in {"csv", "markdown", "text"}:
            extension = {"markdown": "md", "text": "txt"}.get(fmt, fmt)
            response["Content-Disposition"] = f'attachment; filename="conflicts.{extension}"'
        return response


class ReportRunViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Whole-database reports made in the background: POST to start, GET to follow, download."""

    serializer_class = ReportRunSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        runs = ReportRun.objects.order_by("-id")
        if getattr(self, "swagger_fake_view", False):
            return runs.none()  # schema generation has no user
        # Like admin's: a run and its file are its owner's and the editors', not every staff's.
        return report_runs_visible_to(self.request.user, runs)

    @extend_schema(request=ReportRunInputSerializer, responses={202: ReportRunSerializer})
    def create(self, request, *args, **kwargs):
        data = ReportRunInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        flt = ReportFilter(
            metric=values.get("metric") or None,
            outlets=tuple(values.get("outlets") or ()),
            since=values.get("since"),
            include_candidates=values["include_candidates"],
        )
        try:
            run = report_run_start(user=request.user, fmt=values["format"], flt=flt)
        except ReportError as exc:
            # The report's filter calls it "outlet"; this request sent it as "outlets".
            field = "outlets" if exc.field == "outlet" else exc.field
            return Response({field: [exc.message]}, status=status.HTTP_400_BAD_REQUEST)
        run.refresh_from_db()
        body = ReportRunSerializer(run, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY,
                              409: OpenApiTypes.OBJECT})  # fmt: skip
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        run = self.get_object()
        if run.status != ReportRun.Status.DONE or not run.result:
            return Response({"status": [f"the report is {run.status}, not ready"]}, status=409)
        return FileResponse(
            run.result.open("rb"), as_attachment=True, filename=run.result.name.split("/")[-1],
            content_type=CONTENT_TYPES[run.format],
        )  # fmt: skip


class ConflictResolutionViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Editors' resolutions of conflicts: why a pair stands or dissolves."""

    serializer_class = ConflictResolutionSerializer
    queryset = ConflictResolution.objects.select_related("resolved_by").order_by("-id")
    filterset_fields = {"kind": ["exact"], "claim_a": ["exact"], "claim_b": ["exact"]}

    def perform_create(self, serializer):
        values = serializer.validated_data
        try:
            serializer.instance = conflict_resolve(
                claim_one=values["claim_a"], claim_two=values["claim_b"], kind=values["kind"],
                note=values.get("note", ""), user=self.request.user,
            )  # fmt: skip
        except ValidationError as exc:
            raise ApiValidationError(exc.message_dict) from exc


class ClaimViewSet(
    ConditionalDeleteMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Claims, each with its article, outlet, speaker, metric, interval and current verdict.

    Anonymous readers see confirmed claims; editors write (create, change, bulk-create).
    """

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    ordering_fields = ["id", "as_of_start", "created_at", "value_low"]

    def get_queryset(self):
        return claim_list(user=self.request.user)

    def get_serializer_class(self):
        if self.action in {"create", "update", "partial_update"}:
            return ClaimWriteSerializer
        return ClaimSerializer

    def filter_queryset(self, queryset):
        # Filters and ordering are for lists; one claim by id needs neither (building the
        # filter set was most of a detail request's time).
        if self.action in {"list", "export"}:
            return super().filter_queryset(queryset)
        return queryset

    def _output(self, pk, status_code=status.HTTP_200_OK) -> Response:
        """The claim as the detail shows it, read afresh, with its ETag."""
        try:
            row, found = claim_detail(pk, user=self.request.user)
        except Claim.DoesNotExist as exc:
            raise NotFound() from exc
        response = Response(row, status=status_code)
        response["ETag"] = f'"{found}"'
        return response

    # The hot read paths build rows directly (claims/claim_rows.py), same shape as the serializer.
    @extend_schema(responses=ClaimSerializer(many=True))
    def list(self, request, *args, **kwargs):
        # The page is read as tuples (the cursor reads its position from the last one's fields).
        page = self.paginate_queryset(claim_values(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(rows_from_values(page))

    @extend_schema(responses=ClaimSerializer)
    def retrieve(self, request, *args, **kwargs):
        return self._output(self.kwargs["pk"])

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def conflicts(self, request, pk=None):
        """The claim checked against its metric's confirmed claims: the conflicts and changes
        over time that involve it, with the claims they name (the report's JSON shape)."""
        claim = self.get_object()
        report = claim_report(claim)
        if report is None:
            return Response({"claim": claim.pk, "slug": None, "claims": [], "findings": [],
                             "summary": None})  # fmt: skip
        return Response({"claim": claim.pk, **metric_json(report)})

    @extend_schema(request=ClaimWriteSerializer, responses={201: ClaimSerializer})
    def create(self, request, *args, **kwargs):
        data = ClaimWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            claim = claim_create(**data.validated_data)
        except ValidationError as exc:
            raise as_api_error(exc) from exc
        return self._output(claim.pk, status.HTTP_201_CREATED)

    @extend_schema(request=ClaimWriteSerializer, responses={200: ClaimSerializer})
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            claim = self._check_precondition(self.get_object())
            data = ClaimWriteSerializer(claim, data=request.data, partial=partial)
            data.is_valid(raise_exception=True)
            try:
                claim_update(claim=claim, **data.validated_data)
            except ValidationError as exc:
                raise as_api_error(exc) from exc
        return self._output(claim.pk)

    @extend_schema(request=ClaimWriteSerializer, responses={200: ClaimSerializer})
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @extend_schema(request=ClaimWriteSerializer(many=True), responses=ClaimSerializer(many=True))
    @action(detail=False, methods=["post"], filter_backends=[], pagination_class=None)
    def bulk(self, request):
        """Create many claims at once: all of them, or none with each item's errors."""
        if not isinstance(request.data, list) or not request.data:
            return Response({"non_field_errors": ["send a non-empty JSON list of claims"]},
                            status=status.HTTP_400_BAD_REQUEST)  # fmt: skip
        if len(request.data) > BULK_LIMIT:
            return Response({"non_field_errors": [f"at most {BULK_LIMIT} claims at once"]},
                            status=status.HTTP_400_BAD_REQUEST)  # fmt: skip
        # One serializer for the list: the articles, speakers and metrics it names are loaded
        # once, not queried per item.
        checked = ClaimWriteSerializer(data=request.data, many=True)
        errors = [] if checked.is_valid() else [
            {"index": index, "errors": item} for index, item in checked.errors.items()
        ]  # fmt: skip
        valid = list(checked.valid_items)
        try:
            # With shape errors already found, the valid items are still checked against the
            # database (then rolled back) so that the answer lists every bad item at once.
            created = claim_bulk_create(
                items=[checked.valid_items[index] for index in valid],
                dry_run=bool(errors),
                user=request.user,
            )
        except BulkErrors as exc:
            errors += [{"index": valid[e["index"]], "errors": e["errors"]} for e in exc.errors]
            errors.sort(key=lambda error: error["index"])
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        # The answer is built from the stored instances: their article (with its outlet),
        # speaker and metric are the rows loaded for validation, so nothing is read again.
        return Response(claim_rows(sorted(created, key=lambda claim: claim.pk)), status=201)

    @extend_schema(responses={(200, "text/csv"): str})
    @action(detail=False, methods=["get"], url_path="export", pagination_class=None)
    def export(self, request):
        """The filtered claims as CSV, streamed row by row (same filters as the list)."""
        rows = self.filter_queryset(self.get_queryset()).order_by("id")
        response = StreamingHttpResponse(claims_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="claims.csv"'
        return response


class ArticleViewSet(SourcesArticleViewSet):
    """Articles (sources' resource) with where the extraction of their claims stands."""

    serializer_class = ArticleWithExtractionSerializer
    queryset = Article.objects.select_related("outlet", "extraction").order_by("id")
    filterset_class = ArticleExtractionFilter
    filterset_fields = None


class ArticleImportView(generics.GenericAPIView):
    """POST /api/articles/import/: store one article and queue the extraction of its claims.

    201 with the article when it is new; 200 with the stored one when its text (or URL) is
    there already. The same fields as an import JSON file, plus ``extract`` (default true).
    """

    serializer_class = ArticleImportSerializer
    queryset = Article.objects.all()  # for DjangoModelPermissions: needs sources.add_article

    @extend_schema(
        responses={200: ArticleWithExtractionSerializer, 201: ArticleWithExtractionSerializer}
    )
    def post(self, request):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            # Title and date come from the text's first lines when the request leaves them out.
            parsed = read_text(values["body"], published=values.get("published"))
            result = article_import(
                body=values["body"], title=values.get("title") or parsed.title,
                outlet=values.get("outlet") or None, url=values.get("url") or None,
                published=parsed.published, date_basis=parsed.date_basis,
                extract=values["extract"],
            )  # fmt: skip
        except ValidationError as exc:
            raise ApiValidationError(exc.message_dict) from exc
        except ReadError as exc:
            raise ApiValidationError({"body": [str(exc)]}) from exc
        article = Article.objects.select_related("outlet", "extraction").get(pk=result.article.pk)
        body = ArticleWithExtractionSerializer(article, context={"request": request}).data
        body["created"] = result.created
        # An undated article's claims stay undated: say so where the client will look.
        body["warnings"] = [] if result.article.published else [{"published": UNDATED_IMPORT}]
        return Response(body, status=201 if result.created else 200)
