"""The questionnaire, declared once: its questions in order, with their path words, their
wording and their answers. Plain Python, no database.

Everything else is derived from QUESTIONS: the steps and the values triage accepts
(parse_answers, next_step, Answers.params), one URL per question (urls.py, named after
its step), the question pages and the summary on the results page (views.py), and the
form of the staff preview (admin_preview.py). The step names are the query parameters of
the URL contract (DESIGN.md) and the fields of triage.Answers.

A question's answers are fixed (danger, age), or kept by staff in the database
(`answers_from`: a key of SOURCES), or both (the kinds of bullying, and "I am not sure").
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .choices import AgeBand

IN_DANGER = "yes"
SELF_HARM = "self-harm"
NO_DANGER = "no"
NOT_SURE = "not-sure"

# The audiences who answer for themselves: the person being bullied. Their questions and
# hints say "you"; everyone else (and a visitor who skipped "Who are you?") reads about
# the person being bullied. An audience staff add later reads the neutral words.
FOR_THEMSELVES = frozenset({"young-person", "adult"})


@dataclass(frozen=True)
class Answer:
    """One answer: its value in the query string, the words on its button, the words
    under them, and how the results page sums it up (the label, unless said otherwise)."""

    value: str
    label: str
    hint: str = ""
    summary: str = ""
    alone: bool = False  # not offered among the boxes of a question with several answers

    def __post_init__(self):
        if not self.summary:
            object.__setattr__(self, "summary", self.label)


@dataclass(frozen=True)
class Source:
    """Answers that staff keep in the database: the entries of sitedata.taxonomy()[key],
    each with its slug as the value and the named attributes as words."""

    key: str
    label: str  # the answer as a visitor gives it
    hint: str = ""  # words under the answer, to the person being bullied ("you")
    hint_about: str = ""  # words under the answer, about the person being bullied
    staff_label: str = "name"  # the answer in the staff preview

    def answers(self, known, staff=False, who=""):
        if staff:
            label, hint = self.staff_label, ""  # the preview names the answers only
        else:
            label, hint = self.label, self.hint if who in FOR_THEMSELVES else self.hint_about
        return [
            Answer(entry.slug, getattr(entry, label), hint=getattr(entry, hint) if hint else "")
            for entry in known[self.key]
        ]


SOURCES = {
    "audiences": Source("audiences", label="answer"),
    "bullying_types": Source(
        "types", label="name", hint="description", hint_about="description_other"
    ),
}


@dataclass(frozen=True)
class Question:
    """One screen of the questionnaire. `texts` and `hints` give other words for some
    audiences (keyed by audience slug), for a visitor who said who they are; `text` and
    `hint` are the neutral words, for everyone else."""

    step: str  # the query parameter, the field of triage.Answers and the URL name
    path: str  # the translated path word (printed posters link to it: never change it)
    text: str
    hint: str = ""
    several: bool = False  # the parameter may repeat: a visitor may choose several answers
    several_link: str = ""  # words of the link to the boxes for several answers
    several_hint: str = ""  # the hint above the boxes (`hint` is for one tap)
    answers: tuple[Answer, ...] = ()  # fixed answers, after those from the database
    answers_from: str = ""  # a key of SOURCES, or "" for fixed answers only
    texts: dict = field(default_factory=dict)
    hints: dict = field(default_factory=dict)
    # An answer that follows from "Who are you?" (keyed by audience slug): this question
    # is not asked of them, and the answer counts as given (an adult is 18 or older).
    implied: dict = field(default_factory=dict)

    def text_for(self, who):
        return self.texts.get(who, self.text)

    def hint_for(self, who, several=False):
        return self.several_hint if several else self.hints.get(who, self.hint)

    def all_answers(self, known, staff=False, who=""):
        """Every answer in order: from the database (`known`: sitedata.taxonomy() or
        plain objects like it), then the fixed ones. Their hints speak to `who`."""
        source = SOURCES.get(self.answers_from)
        found = source.answers(known, staff, who) if source else []
        return [*found, *self.answers]

    def fixed_values(self):
        return {answer.value for answer in self.answers}


QUESTIONS = (
    Question(
        step="danger",
        path=_("find-help/"),
        text=_("Is someone in danger right now?"),
        hint=_("For example: someone threatens today to hurt another person or themselves."),
        texts={
            "parent": _("Is your child or someone else in danger right now?"),
            "school-staff": _("Is a pupil or someone else in danger right now?"),
        },
        hints={
            "young-person": _("For example: someone threatens to hurt you today."),
            "adult": _("For example: someone threatens to hurt you today."),
            "parent": _(
                "For example: someone threatens to hurt your child today, or your child "
                "says they want to hurt themselves."
            ),
            "school-staff": _(
                "For example: someone threatens to hurt a pupil today, or a pupil says "
                "they want to hurt themselves."
            ),
        },
        answers=(
            Answer(
                IN_DANGER,
                _("Yes, someone is in danger now"),
                summary=_("Someone is in danger now"),
            ),
            Answer(
                SELF_HARM,
                _("I am thinking about hurting myself or ending my life"),
                summary=_("Thinking about hurting yourself"),
            ),
            Answer(NO_DANGER, _("No"), summary=_("Nobody in danger now")),
        ),
    ),
    Question(
        step="who",
        path=_("find-help/who/"),
        text=_("Who are you?"),
        answers_from="audiences",
    ),
    Question(
        step="what",
        path=_("find-help/what/"),
        text=_("What is happening?"),
        texts={
            "parent": _("What is happening to your child?"),
            "school-staff": _("What is happening to the pupil?"),
        },
        hint=_("Tap what fits best."),
        several=True,
        several_link=_("More than one thing is happening? Choose several."),
        several_hint=_("Tick everything that is happening, then tap Next."),
        answers_from="bullying_types",
        answers=(Answer(NOT_SURE, _("I am not sure"), alone=True),),
    ),
    Question(
        step="age",
        path=_("find-help/age/"),
        text=_("How old is the person being bullied?"),
        texts={
            "young-person": _("How old are you?"),
            "adult": _("How old are you?"),
            "parent": _("How old is your child?"),
            "school-staff": _("How old is the pupil?"),
        },
        implied={"adult": AgeBand.ADULTS.value},
        answers=tuple(Answer(band.value, band.label) for band in AgeBand),
    ),
)
# The steps in order. urls.py and triage read the list once, at start-up; the pages read
# it on every request (get), so that a test may give a question other words.
STEPS = tuple(question.step for question in QUESTIONS)


def get(step):
    """The question of a step (read at call time, so that a test may swap the list)."""
    return next(question for question in QUESTIONS if question.step == step)
