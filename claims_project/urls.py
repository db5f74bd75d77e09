from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from claims.views import (
    ArticleImportView,
    ClaimViewSet,
    ConflictResolutionViewSet,
    MetricViewSet,
    ReportRunViewSet,
    SpeakerViewSet,
    conflict_report_download,
)
from reviews.views import ClaimReviewFeedView, ClaimReviewImportView, ReviewViewSet
from sources.views import ArticleViewSet, OutletViewSet

admin.site.site_header = "Claims database"
admin.site.site_title = "Claims database"
admin.site.index_title = "Figures, sources and verdicts"

router = DefaultRouter()
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
    path("admin/", admin.site.urls),
    path("api/reports/conflicts.<str:fmt>", conflict_report_download, name="conflict-report"),
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
