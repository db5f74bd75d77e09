from django.urls import path

from reviews.public import views

app_name = "public"

urlpatterns = [
    path("fact-checks/", views.fact_check_index, name="fact-checks"),
    path("fact-checks/<int:pk>/", views.fact_check_page, name="fact-check"),
    path("metrics/<slug:slug>/", views.metric_page, name="metric"),
    path("metrics/<slug:slug>/chart.svg", views.metric_chart, name="metric-chart"),
]
