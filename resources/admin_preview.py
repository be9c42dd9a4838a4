"""Preview results: staff answer the questions (and pick a moment) and see the list a
visitor would get, in order, with how each listing got its place: the band, how it serves
the audience and the kind of bullying, the points and the sort weight.

The list comes from results.matches_for, as on the public results page; nothing here
ranks. The answers are read by triage.parse_answers, as on the public site, so garbage in
the query string is left out and named, never an error.
"""

from django import forms
from django.contrib.admin.helpers import AdminForm
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .hours import AMSTERDAM
from .questionnaire import QUESTIONS
from .results import BEST_SHOWN, matches_for
from .sitedata import taxonomy
from .triage import Band
from .views import read_answers, step_url

MOMENT = "moment"  # the preview's own parameter, next to the four answers
# Moments the preview accepts: wide enough for any plan, narrow enough that date
# arithmetic in Amsterdam time cannot run off the calendar.
FIRST_YEAR, LAST_YEAR = 2000, 2100

# What decided a listing's place (triage.Band), in words for staff.
BAND_LABELS = {
    Band.SELF_HARM_LINE: _("Line for suicidal thoughts"),
    Band.EMERGENCY: _("Emergency number"),
    Band.CRISIS_OPEN: _("Crisis line, open now"),
    Band.SELF_HARM_EMERGENCY: _("Emergency number, after the crisis lines open now"),
    Band.CRISIS_CLOSED: _("Crisis line, closed now"),
    Band.REGULAR: _("Regular"),
    Band.LAST_RESORT: _("Last resort"),
    Band.CRISIS_ONLY: _("Only for a crisis"),
}
# triage.Match.audience_level and .type_level; "" means the question was not answered.
AUDIENCE_LEVELS = {
    "made for": _("made for"),
    "also helps": _("also helps"),
    "everyone": _("for everyone"),
    "": "",
}
TYPE_LEVELS = {"specialist": _("specialist"), "general": _("general help"), "": ""}
NOT_ANSWERED = _("Not answered")


def question_field(question, known):
    """A question of the questionnaire as a form field, with its answers in staff words."""
    choices = [(answer.value, answer.label) for answer in question.all_answers(known, staff=True)]
    if question.several:
        return forms.MultipleChoiceField(
            label=question.text,
            choices=choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
    return forms.ChoiceField(
        label=question.text, choices=[("", NOT_ANSWERED), *choices], required=False
    )


class PreviewForm(forms.Form):
    """The questions of the questionnaire and a moment. It only shows the answers (already
    read by triage.parse_answers) and checks the moment."""

    moment = forms.DateTimeField(
        label=_("Moment"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_(
            "Date and time in Amsterdam. Leave empty for now. Crisis lines that are "
            "closed at this moment come after those that are open."
        ),
    )

    def __init__(self, data, known):
        super().__init__(data)
        questions = {question.step: question_field(question, known) for question in QUESTIONS}
        self.fields = {**questions, **self.fields}  # the questions first, then the moment

    def clean_moment(self):
        moment = self.cleaned_data["moment"]
        if moment and not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Choose a moment between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return moment


def form_data(answers, query):
    """The form's data: the answers as understood, and the moment as typed."""
    data = {
        question.step: (
            list(answers.given(question.step))
            if question.several
            else getattr(answers, question.step) or ""
        )
        for question in QUESTIONS
    }
    return {**data, MOMENT: query.get(MOMENT, "").strip()}


def rows(matches):
    """One table row per card, in the visitor's order."""
    return [
        {
            "position": position,
            "match": match,
            "band": BAND_LABELS[match.band],
            "audience_level": AUDIENCE_LEVELS[match.audience_level],
            "type_level": TYPE_LEVELS[match.type_level],
            "best": position <= BEST_SHOWN,
            "change_url": reverse("admin:resources_resource_change", args=[match.resource.pk]),
        }
        for position, match in enumerate(matches, start=1)
    ]


def preview(request, model_admin):
    """GET only: the form, and the results for its answers at its moment."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    answers = read_answers(request, other_names=(MOMENT,))
    form = PreviewForm(form_data(answers, request.GET), taxonomy())
    with timezone.override(AMSTERDAM):  # a moment without a zone is Amsterdam time
        valid = form.is_valid()
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Preview results"),
        "opts": model_admin.model._meta,
        "adminform": AdminForm(form, [(None, {"fields": list(form.fields)})], {}),
        "form": form,
        "answers": answers,
    }
    if valid:
        moment = form.cleaned_data[MOMENT] or timezone.now()
        matches, fallback = matches_for(answers, moment)
        context.update(
            rows=rows(matches),
            fallback=fallback,
            moment=moment,
            moment_text=moment_text(moment),
            at_now=not form.cleaned_data[MOMENT],
            site_url=step_url(None, answers),
        )
    return TemplateResponse(request, "admin/resources/resource/preview.html", context)


def moment_text(moment):
    """The moment in Amsterdam time, with the day: it decides which lines are open."""
    return date_format(moment.astimezone(AMSTERDAM), "l j F Y, H:i")
