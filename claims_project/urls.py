from django.contrib import admin
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from claims.views import (
    ArticleImportView,
    ArticleViewSet,
    ClaimViewSet,
    ConflictReportView,
    ConflictResolutionViewSet,
    MetricViewSet,
    ReportRunViewSet,
    SpeakerViewSet,
)
from reviews.views import ClaimReviewFeedView, ClaimReviewImportView, ReviewViewSet
from sources.views import OutletViewSet

admin.site.site_header = "Claims database"
admin.site.site_title = "Claims database"
admin.site.index_title = "Figures, sources and verdicts"
# The app list stays on the home page; beside a list it took a fifth of a 1400 px screen.
admin.site.enable_nav_sidebar = False

# Endpoints outside the router's list routes, so /api/ shows a client everything there is:
# (name on the root page, URL name, its URL arguments).
EXTRA_ENDPOINTS = [
    ("claims/export", "claim-export", {}),
    ("articles/import", "article-import", {}),
    ("claimreviews", "claimreview-feed", {}),
    ("claimreviews/import", "claimreview-import", {}),
    ("reports/conflicts.json", "conflict-report", {"fmt": "json"}),
    ("reports/conflicts.csv", "conflict-report", {"fmt": "csv"}),
    ("reports/conflicts.html", "conflict-report", {"fmt": "html"}),
    ("reports/conflicts.markdown", "conflict-report", {"fmt": "markdown"}),
    ("reports/conflicts.text", "conflict-report", {"fmt": "text"}),
    ("schema", "schema", {}),
    ("docs", "swagger-ui", {}),
    ("redoc", "redoc", {}),
]


def favicon(request) -> HttpResponse:
    """/favicon.ico, which browsers ask for on every page: the admin's icon (an SVG)."""
    with open(finders.find("claims/favicon.svg"), "rb") as icon:
        response = HttpResponse(icon.read(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


class ApiRootView(APIRootView):
    """The API's home page: the router's lists, then every other endpoint."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        for key, name, arguments in EXTRA_ENDPOINTS:
            try:
                response.data[key] = reverse(name, kwargs=arguments, request=request)
            except NoReverseMatch:  # pragma: no cover - every name above is in urlpatterns
                continue
        return response


class ApiRouter(DefaultRouter):
    APIRootView = ApiRootView


router = ApiRouter()
router.register("outlets", OutletViewSet, basename="outlet")
router.register("articles", ArticleViewSet, basename="article")
router.register("speakers", SpeakerViewSet, basename="speaker")
router.register("metrics", MetricViewSet, basename="metric")
router.register("claims", ClaimViewSet, basename="claim")
router.register("reviews", ReviewViewSet, basename="review")
router.register("resolutions", ConflictResolutionViewSet, basename="resolution")
router.register("report-runs", ReportRunViewSet, basename="report-run")

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("api/reports/conflicts.<str:fmt>", ConflictReportView.as_view(), name="conflict-report"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("api/articles/import/", ArticleImportView.as_view(), name="article-import"),
    path("api/claimreviews/", ClaimReviewFeedView.as_view(), name="claimreview-feed"),
    path("api/claimreviews/import/", ClaimReviewImportView.as_view(), name="claimreview-import"),
    path("api/", include(router.urls)),
    path("api-auth/", include("rest_framework.urls")),
    # Readers' pages: published fact-checks and metrics, no login.
    path("", include("reviews.public.urls")),
]
