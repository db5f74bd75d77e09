from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from rest_framework import generics, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from claims.models import ConflictResolution, Metric, ReportRun, Speaker
from claims.reports.api import report_filter_from_query
from claims.reports.build import ReportError, ReportFilter, metric_reports
from claims.reports.render import metric_json, render
from claims.reports.runs import report_run_start
from claims.selectors import claim_list
from claims.serializers import (
    ClaimSerializer,
    ConflictResolutionSerializer,
    MetricSerializer,
    ReportRunInputSerializer,
    ReportRunSerializer,
    SpeakerSerializer,
)
from claims.services import conflict_resolve, extraction_enqueue
from sources.models import Article
from sources.readers import ReadError, read_text
from sources.serializers import ArticleImportSerializer, ArticleSerializer
from sources.services import article_import, outlet_get_or_create

CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}


def report_error_response(exc: ReportError) -> Response:
    return Response({exc.field: [exc.message]}, status=status.HTTP_400_BAD_REQUEST)


class SpeakerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = SpeakerSerializer
    queryset = Speaker.objects.order_by("id")
    filterset_fields = {"kind": ["exact"], "slug": ["exact"], "name": ["icontains"]}


class MetricViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = MetricSerializer
    queryset = Metric.objects.order_by("id")
    filterset_fields = {"kind": ["exact"], "slug": ["exact"], "canonical_unit": ["exact"]}

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


def conflict_report_download(request, fmt: str):
    """/api/reports/conflicts.<json|csv|html|markdown|text>: the whole report, streamed."""
    if fmt not in CONTENT_TYPES:
        return JsonResponse({"format": [f"unknown format {fmt!r}"]}, status=400)
    try:
        flt = report_filter_from_query(request.GET, user=request.user)
        reports = metric_reports(flt)
        first = next(reports, None)
    except ReportError as exc:
        return JsonResponse({exc.field: [exc.message]}, status=400)

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
        if not self.request.user.is_staff:
            runs = runs.filter(requested_by=self.request.user)
        return runs

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
            return report_error_response(exc)
        run.refresh_from_db()
        body = ReportRunSerializer(run, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED)

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


class ArticleImportView(generics.GenericAPIView):
    """POST /api/articles/import/: store one article and queue the extraction of its claims.

    201 with the article when it is new; 200 with the stored one when its text (or URL) is
    there already. The same fields as an import JSON file, plus ``extract`` (default true).
    """

    serializer_class = ArticleImportSerializer
    queryset = Article.objects.all()  # for DjangoModelPermissions: needs sources.add_article

    def post(self, request):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            with transaction.atomic():
                name = values.get("outlet")
                outlet = outlet_get_or_create(name=name) if name else None
                parsed = read_text(values["body"], published=values.get("published"))
                result = article_import(
                    body=values["body"], title=values.get("title") or parsed.title,
                    outlet=outlet, url=values.get("url") or None, published=parsed.published,
                    date_basis=parsed.date_basis,
                )  # fmt: skip
                if result.created and values["extract"]:
                    extraction_enqueue(article_ids=[result.article.pk])
        except ValidationError as exc:
            raise ApiValidationError(exc.message_dict) from exc
        except ReadError as exc:
            raise ApiValidationError({"body": [str(exc)]}) from exc
        result.article.refresh_from_db()
        body = ArticleSerializer(result.article, context={"request": request}).data
        body["created"] = result.created
        return Response(body, status=201 if result.created else 200)
