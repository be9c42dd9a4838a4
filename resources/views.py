"""The public site: home, the four questions, results, directory, resource and info pages."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ratelimit.decorators import ratelimit

from . import triage
from .choices import AgeBand
from .forms import FeedbackForm
from .models import Page, Resource
from .results import BEST_SHOWN, matches_for
from .sitedata import advice_steps, published_pages, taxonomy

DIRECTORY_PAGE_SIZE = 20
MAX_SEARCH_LENGTH = 100
FEEDBACK_RATE = "5/h"  # reports per visitor address per hour

DANGER_CHOICES = [
    ("yes", _("Yes, someone is in danger now")),
    ("self-harm", _("I am thinking about hurting myself or ending my life")),
    ("no", _("No")),
]
# The danger answer as the results page sums it up.
DANGER_SUMMARY = {
    "yes": _("Someone is in danger now"),
    "self-harm": _("Thinking about hurting yourself"),
    "no": _("Nobody in danger now"),
}
QUESTIONS = {
    "danger": _("Is someone in danger right now?"),
    "who": _("Who are you?"),
    "what": _("What is happening?"),
    "age": _("How old is the person being bullied?"),
}
HINTS = {
    "danger": _("For example: someone threatens to hurt you or themselves, today."),
    "what": _("Tap what fits best."),
}


def read_answers(request, other_names=()):
    known = taxonomy()
    return triage.parse_answers(
        request.GET,
        audiences=[audience.slug for audience in known["audiences"]],
        bullying_types=[bullying_type.slug for bullying_type in known["types"]],
        other_names=other_names,
    )


def step_url(step, answers, without=(), extra=()):
    """The URL of a step (None: the results) carrying the answers given so far."""
    url = reverse(f"resources:{step or 'results'}")
    query = urlencode(answers.params(without=without) + list(extra))
    return f"{url}?{query}" if query else url


def home(request):
    entries = [audience for audience in taxonomy()["audiences"] if audience.show_on_home]
    pages = [p for p in published_pages() if p.placement == Page.Placement.INFO]
    return render(request, "resources/home.html", {"entries": entries, "pages": pages})


def choices_for(step, answers, several):
    chosen = getattr(answers, step)
    if step == "danger":
        options = [(value, label, "") for value, label in DANGER_CHOICES]
    elif step == "who":
        options = [(a.slug, a.answer, "") for a in taxonomy()["audiences"]]
    elif step == "age":
        options = [(value, label, "") for value, label in AgeBand.choices]
    else:
        options = [(t.slug, t.name, t.description) for t in taxonomy()["types"]]
        if not several:
            options.append((triage.NOT_SURE, _("I am not sure"), ""))
    selected = set(chosen) if isinstance(chosen, tuple) else {chosen}
    return [
        {"value": value, "label": label, "hint": hint, "selected": value in selected}
        for value, label, hint in options
    ]


def question(request, step):
    """One question per screen. Each answer is a button: one tap takes you on."""
    answers = read_answers(request, other_names=("several",))
    several = step == "what" and request.GET.get("several") == "1"
    following = triage.next_step(answers, after=step)
    previous = triage.previous_step(step)
    context = {
        "step": step,
        "number": triage.STEPS.index(step) + 1,
        "total": len(triage.STEPS),
        "question": QUESTIONS[step],
        "hint": HINTS.get(step, ""),
        "answers": answers,
        "choices": choices_for(step, answers, several),
        "several": several,
        "action": reverse(f"resources:{following or 'results'}"),
        "hidden": answers.params(without=(step,)),
        "skip_url": step_url(following, answers, without=(step,)),
        "back_url": step_url(previous, answers) if previous else reverse("resources:home"),
        "several_url": step_url("what", answers, extra=[("several", "1")]),
    }
    return render(request, "resources/question.html", context)


def results(request):
    answers = read_answers(request)
    now = timezone.now()
    matches, fallback = matches_for(answers, now)
    context = {
        "answers": answers,
        "summary": answers_summary(answers),
        "best": matches[:BEST_SHOWN],
        "more": matches[BEST_SHOWN:],
        "fallback": fallback,
        "advice": triage.advice_for(answers, advice_steps()),
        "now": now,
        "change_url": step_url("danger", answers),
        "directory_url": step_url("directory", answers, without=("danger",)),
    }
    return render(request, "resources/results.html", context)


def answers_summary(answers):
    """The answers in words, one per question asked, for the top of the results."""
    known = taxonomy()
    audiences = {a.slug: a.answer for a in known["audiences"]}
    types = {t.slug: t.name for t in known["types"]}
    types[triage.NOT_SURE] = _("I am not sure")
    words = []
    if answers.danger:
        words.append(DANGER_SUMMARY[answers.danger])
    if answers.who:
        words.append(audiences[answers.who])
    if answers.what:
        words.append(", ".join(str(types[slug]) for slug in answers.what))
    if answers.age:
        words.append(AgeBand(answers.age).label)
    return words


def directory(request):
    """All published resources, filtered like the results, plus search and "open now"."""
    answers = read_answers(request, other_names=("q", "open", "page", "danger"))
    text = request.GET.get("q", "")[:MAX_SEARCH_LENGTH].strip()
    open_now = request.GET.get("open") == "now"
    resources = Resource.objects.published()
    if answers.who:
        resources = resources.for_audience(answers.who)
    if answers.types:
        resources = resources.for_types(answers.types)
    if answers.age:
        resources = resources.fits_ages(*AgeBand(answers.age).ages)
    if open_now:
        resources = resources.open_now()
    if text:
        resources = resources.search(text)
    resources = resources.by_weight_and_name().with_details()
    page = Paginator(resources, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "answers": answers,
        "page": page,
        "text": text,
        "open_now": open_now,
        "filtered": bool(answers.who or answers.what or answers.age or open_now),
        "audiences": taxonomy()["audiences"],
        "bullying_types": taxonomy()["types"],
        "age_choices": AgeBand.choices,
        "page_query": query.urlencode(),
        "now": timezone.now(),
    }
    return render(request, "resources/directory.html", context)


def visible(queryset, request):
    """The public sees published content; staff also see drafts, to preview them."""
    return queryset if request.user.is_staff else queryset.published()


def resource_detail(request, slug):
    resource = get_object_or_404(visible(Resource.objects.with_details(), request), slug=slug)
    relevance = Resource.objects.filter(pk=resource.pk).candidates()[0]
    return render(
        request,
        "resources/resource_detail.html",
        {"resource": resource, "relevance": relevance, "now": timezone.now()},
    )


def page_detail(request, slug):
    page = get_object_or_404(visible(Page.objects.all(), request), slug=slug)
    return render(request, "resources/page_detail.html", {"page": page})


@ratelimit(key="helpfinder.privacy.address_key", rate=FEEDBACK_RATE, method="POST", block=False)
def report_problem(request, slug):
    """The only public form. It sets the CSRF cookie; nothing else on the site does."""
    resource = get_object_or_404(Resource.objects.published(), slug=slug)
    form = FeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            status = 429
            form.add_error(
                None, _("You sent several reports in a short time. Please try again later.")
            )
        elif form.is_valid():
            if not form.is_spam():
                form.instance.resource = resource
                form.save()
            return redirect("resources:report_thanks", slug=resource.slug)
        else:
            status = 400
    context = {"resource": resource, "form": form}
    response = render(request, "resources/report_problem.html", context, status=status)
    # A form posted under no-referrer carries "Origin: null", which CSRF protection refuses.
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def report_thanks(request, slug):
    resource = get_object_or_404(Resource.objects.published(), slug=slug)
    return render(request, "resources/report_thanks.html", {"resource": resource})
