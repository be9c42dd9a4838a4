from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .questionnaire import QUESTIONS

app_name = "resources"

# Path words are translated (/nl/hulp-zoeken/, /en/find-help/). Printed posters and shared
# links depend on these paths: add new ones, never change existing ones. Each question's
# path word is in questionnaire.py; its URL is named after its step ("danger", "who", ...).
urlpatterns = [
    path("", views.home, name="home"),
    *(
        path(question.path, views.question, {"step": question.step}, name=question.step)
        for question in QUESTIONS
    ),
    path(_("find-help/results/"), views.results, name="results"),
    path(_("all-help/"), views.directory, name="directory"),
    path(_("all-help/<slug:slug>/"), views.resource_detail, name="resource"),
    path(_("all-help/<slug:slug>/report-a-mistake/"), views.report_problem, name="report"),
    path(
        _("all-help/<slug:slug>/report-a-mistake/thanks/"),
        views.report_thanks,
        name="report_thanks",
    ),
    path(_("information/<slug:slug>/"), views.page_detail, name="page"),
    path(_("search/"), views.site_search, name="search"),
    path(_("poster/"), views.poster_index, name="posters"),
    path(_("open-data/"), views.open_data, name="open_data"),
    path(_("poster/<slug:audience>/"), views.poster, name="poster"),
]
