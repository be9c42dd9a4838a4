"""The public site: home, the four questions, results, directory, resource and info pages,
and the posters."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _
from django_ratelimit.decorators import ratelimit

from . import hsds, posters, questionnaire, search, triage
from .choices import AgeBand
from .forms import FeedbackForm
from .languages import codes
from .models import Page, Resource
from .results import BEST_SHOWN, matches_for
from .sitedata import advice_steps, open_at, published_pages, taxonomy

DIRECTORY_PAGE_SIZE = 20
FEEDBACK_RATE = "5/h"  # reports per visitor address per hour
PRESET = "preset"  # on question pages: steps answered before the questions began


def read_answers(request, other_names=()):
    known = taxonomy()
    slugs = {
        name: [entry.slug for entry in known[source.key]]
        for name, source in questionnaire.SOURCES.items()
    }
    return triage.parse_answers(request.GET, **slugs, other_names=other_names)


def step_url(step, answers, without=(), extra=()):
    """The URL of a step (None: the results) carrying the answers given so far."""
    url = reverse(f"resources:{step or 'results'}")
    query = urlencode(answers.params(without=without) + list(extra))
    return f"{url}?{query}" if query else url


def home(request):
    entries = [audience for audience in taxonomy()["audiences"] if audience.show_on_home]
    pages = [p for p in published_pages() if p.placement == Page.Placement.INFO]
    return render(request, "resources/home.html", {"entries": entries, "pages": pages})


def choices_for(question, answers, several):
    """The answers to offer, each with its words and whether the visitor chose it."""
    selected = set(answers.given(question.step))
    return [
        {
            "value": answer.value,
            "label": answer.label,
            "hint": answer.hint,
            "selected": answer.value in selected,
        }
        for answer in question.all_answers(taxonomy(), who=answers.who)
        if not (several and answer.alone)
    ]


def question(request, step):
    """One question per screen. Each answer is a button: one tap takes you on."""
    asked = questionnaire.get(step)
    answers = read_answers(request, other_names=("several", PRESET))
    several = asked.several and request.GET.get("several") == "1"
    preset = triage.preset_steps(answers, step, carried=request.GET.getlist(PRESET))
    shown = triage.shown_steps(answers, step, preset)
    following = triage.next_step(answers, after=step)
    previous = triage.previous_step(step, preset)
    # The next page is told which answers were given before the questions began, so that
    # it counts and goes back over the questions actually asked. The results need not know.
    presets = [(PRESET, name) for name in preset]
    carry = presets if following else []
    context = {
        "step": step,
        "number": shown.index(step) + 1,
        "total": len(shown),
        "question": asked.text_for(answers.who),
        "hint": asked.hint_for(answers.who, several),
        "answers": answers,
        "choices": choices_for(asked, answers, several),
        "several_link": asked.several_link,
        "several": several,
        "action": reverse(f"resources:{following or 'results'}"),
        "hidden": answers.params(without=(step,)) + carry,
        "skip_url": step_url(following, answers, without=(step,), extra=carry),
        "back_url": (
            step_url(previous, answers, extra=presets) if previous else reverse("resources:home")
        ),
        "several_url": step_url(step, answers, extra=[*presets, ("several", "1")]),
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
        "change_url": step_url(questionnaire.STEPS[0], answers),
        "directory_url": step_url("directory", answers, without=("danger",)),
    }
    return render(request, "resources/results.html", context)


def answers_summary(answers):
    """The answers in words, one per question asked, for the top of the results."""
    known = taxonomy()
    words = []
    for asked in questionnaire.QUESTIONS:
        given = answers.given(asked.step)
        if given:
            summary = {answer.value: answer.summary for answer in asked.all_answers(known)}
            words.append(", ".join(str(summary[value]) for value in given))
    return words


def site_search(request):
    """Listings, advice and information pages for the words someone typed."""
    text = search.cut(request.GET.get("q", ""))
    found = search.search(text, timezone.now())
    offers = [
        (
            kind,
            step_url(
                questionnaire.STEPS[0], triage.Answers(who=found.who or None, what=(kind.slug,))
            ),
        )
        for kind in found.types
    ]
    context = {
        "text": text,
        "found": found,
        "offers": offers,
        "corrected": ", ".join(dict.fromkeys(found.corrections.values())),
        "directory_url": f"{reverse('resources:directory')}?{urlencode({'q': text})}",
        "now": timezone.now(),
    }
    return render(request, "resources/search.html", context)


def directory(request):
    """All published resources, filtered like the results, plus search and "open now"."""
    answers = read_answers(request, other_names=("q", "open", "page", "danger"))
    text = search.cut(request.GET.get("q", ""))
    open_now = request.GET.get("open") == "now"
    filtered = bool(answers.who or answers.what or answers.age or open_now)
    resources = Resource.objects.published()
    if answers.who:
        resources = resources.for_audience(answers.who)
    if answers.types:
        resources = resources.for_types(answers.types)
    if answers.age:
        resources = resources.fits_ages(*AgeBand(answers.age).ages)
    if open_now:
        resources = resources.filter(pk__in=open_at(timezone.now()))
    if text:
        # Best match first; the filters above say which of them to show.
        ranked = search.listing_ids(text, timezone.now())
        if filtered:
            shown = set(resources.values_list("pk", flat=True))
            ranked = [pk for pk in ranked if pk in shown]
        page = Paginator(ranked, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        rows = Resource.objects.filter(pk__in=page.object_list).with_details().in_bulk()
        page.object_list = [rows[pk] for pk in page.object_list]
    else:
        resources = resources.by_weight_and_name().with_details()
        page = Paginator(resources, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "answers": answers,
        "page": page,
        "text": text,
        "open_now": open_now,
        "filtered": filtered,
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
    """An information page at its address in this language. An address it has in another
    language, or had before, leads to its address here (301, links out there keep
    working); a draft's stays unknown to the public."""
    pages = visible(Page.objects.all(), request)
    page = pages.at(slug).first()
    if page is None:
        moved = pages.moved_from(slug)
        if moved is None:
            raise Http404
        return redirect(with_query(moved.get_absolute_url(), request), permanent=True)
    # The language switch and the hreflang links: translate_url cannot translate a slug.
    urls = {code: with_query(page.url_in(code), request) for code in codes()}
    return render(request, "resources/page_detail.html", {"page": page, "language_urls": urls})


def with_query(url, request):
    """`url` with the query string of this request, as request.get_full_path() has it."""
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    return f"{url}?{query}" if query else url


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


def open_data(request):
    """What the open data is, its licence, the download and the API (resources/api.py)."""
    root = request.build_absolute_uri(reverse("hsds:root"))
    dataset, tables = reverse("hsds:dataset"), reverse("hsds:dataset_tables")
    return render(
        request,
        "resources/open_data.html",
        {
            "licence": hsds.licence(),
            "api_root": root,
            "download_nl": f"{dataset}?lang=nl",
            "download_en": f"{dataset}?lang=en",
            "tables_nl": f"{tables}?lang=nl",
            "tables_en": f"{tables}?lang=en",
        },
    )


def poster_index(request):
    """The posters staff chose to offer, one per audience, to print."""
    return render(request, "resources/posters.html", {"audiences": posters.with_poster()})


def poster(request, audience):
    """One A4 poster. Its QR code leads to the questions with "Who are you?" answered, at
    this site's address, in this language: the link of the home page's button."""
    chosen = posters.audience_with_poster(audience)
    if chosen is None:
        raise Http404
    url = request.build_absolute_uri(
        step_url(questionnaire.STEPS[0], triage.Answers(who=chosen.slug))
    )
    context = {
        "audience": chosen,
        "title": posters.title_for(chosen),
        "emergency": posters.emergency_numbers(),
        "contacts": posters.first_contacts(chosen),
        "qr": posters.qr_svg(url, _("QR code: %(url)s") % {"url": url}),
        "short_url": posters.short_url(url),
    }
    return render(request, "resources/poster.html", context)
