"""Synthetic published resources, as a city with thousands of listings would have them:
both languages, a realistic mix of kinds, audiences, bullying types, ages and opening
hours. The same numbers give the same data (a fixed random seed)."""

import random
from datetime import date

from django.db import connection

from resources.choices import ChannelKind, District, Hours, Kind, Status
from resources.contentcache import content_changed
from resources.models import Audience, BullyingType, ContactChannel, Resource

PREFIX = "bench-"
# Kinds as a city's list would have them: few emergency numbers, many local services.
KINDS = [
    (Kind.HELPLINE, 20),
    (Kind.MUNICIPAL, 25),
    (Kind.SCHOOL, 25),
    (Kind.PROFESSIONAL, 15),
    (Kind.REPORTING, 8),
    (Kind.INFORMATION, 6),
    (Kind.EMERGENCY, 1),
]
TOPICS = [
    ("Buurtteam", "Neighbourhood team"),
    ("Schoolmaatschappelijk werk", "School social work"),
    ("Jongerenwerk", "Youth work"),
    ("Vertrouwenspersoon", "Confidential adviser"),
    ("Meldpunt", "Reporting point"),
    ("Hulplijn", "Helpline"),
    ("Spreekuur", "Drop-in hours"),
    ("Ouderteam", "Parent team"),
]
SUMMARIES = [
    ("Praat over pesten, online en op school.", "Talk about bullying, online and at school."),
    ("Hulp als je gepest wordt of bedreigd.", "Help when you are bullied or threatened."),
    ("Advies voor ouders over cyberpesten.", "Advice for parents about cyberbullying."),
    ("Meld nepprofielen en het delen van foto's.", "Report fake profiles and shared images."),
]
DESCRIPTION = (
    "Je kunt hier terecht met vragen over pesten, uitsluiting en bedreiging op internet. "
    "We luisteren, denken mee en zoeken samen wat je nu kunt doen.",
    "You can come here with questions about bullying, exclusion and threats online. "
    "We listen, think along and work out together what you can do now.",
)
AGE_RANGES = [(None, None), (8, 18), (12, 23), (4, 12), (18, None), (None, 17), (12, 18)]
DISTRICTS = [choice.value for choice in District] + [""]


def grow_to(total):
    """Add synthetic published resources until `total` are published."""
    published = Resource.objects.filter(status=Status.PUBLISHED).count()
    start = Resource.objects.filter(slug__startswith=PREFIX).count()
    count = total - published
    if count <= 0:
        return
    rng = random.Random(total)
    audiences = list(Audience.objects.all())
    types = list(BullyingType.objects.all())
    kinds = [kind for kind, weight in KINDS for _ in range(weight)]
    resources = []
    for number in range(start, start + count):
        topic_nl, topic_en = rng.choice(TOPICS)
        summary_nl, summary_en = rng.choice(SUMMARIES)
        youngest, oldest = rng.choice(AGE_RANGES)
        resources.append(
            Resource(
                slug=f"{PREFIX}{number}",
                kind=rng.choice(kinds),
                status=Status.PUBLISHED,
                name_nl=f"{topic_nl} {number}",
                name_en=f"{topic_en} {number}",
                summary_nl=summary_nl,
                summary_en=summary_en,
                description_nl=DESCRIPTION[0],
                description_en=DESCRIPTION[1],
                district=rng.choice(DISTRICTS),
                min_age=youngest,
                max_age=oldest,
                is_free=rng.random() < 0.8,
                is_anonymous=rng.random() < 0.4,
                is_crisis=rng.random() < 0.03,
                sort_weight=rng.randrange(0, 5),
                last_verified=date(2026, 1 + number % 12, 1),
            )
        )
    resources = Resource.objects.bulk_create(resources, batch_size=500)
    Resource.audiences.through.objects.bulk_create(
        [
            Resource.audiences.through(resource=resource, audience=audience)
            for resource in resources
            # One in five is for everyone (no audience set).
            for audience in (rng.sample(audiences, rng.randint(1, 3)) if rng.random() > 0.2 else [])
        ],
        batch_size=1000,
    )
    Resource.bullying_types.through.objects.bulk_create(
        [
            Resource.bullying_types.through(resource=resource, bullyingtype=bullying_type)
            for resource in resources
            # One in four helps with every kind of bullying (no type set).
            for bullying_type in (
                rng.sample(types, rng.randint(1, 3)) if rng.random() > 0.25 else []
            )
        ],
        batch_size=1000,
    )
    ContactChannel.objects.bulk_create(
        [channel for resource in resources for channel in channels(rng, resource)],
        batch_size=1000,
    )
    content_changed()  # bulk_create sends no signals
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum does shortly after a bulk load: statistics for the planner.
            cursor.execute("VACUUM ANALYZE")


def channels(rng, resource):
    """A phone (one in ten day and night; else office hours, office hours and an evening,
    afternoons, or not known), a chat on one in three, and a website."""
    shape = rng.random()
    if shape < 0.1:
        hours, week = Hours.ALWAYS, ""
    elif shape < 0.5:
        hours, week = Hours.WEEK, "mo-fr 09:00-17:00"
    elif shape < 0.7:
        hours, week = (
            Hours.WEEK,
            "mo-tu 09:00-17:00; we 09:00-17:00, 19:00-21:00; th-fr 09:00-17:00",
        )
    elif shape < 0.9:
        hours, week = Hours.WEEK, "mo 13:00-18:00; we 13:00-18:00; fr 13:00-18:00"
    else:
        hours, week = Hours.UNKNOWN, ""
    website = f"https://example.org/{resource.slug}/"
    found = [
        ContactChannel(
            resource=resource,
            position=0,
            kind=ChannelKind.PHONE,
            address=f"020-{rng.randrange(1000000, 9999999)}",
            hours=hours,
            week=week,
        )
    ]
    if rng.random() < 0.3:
        found.append(
            ContactChannel(
                resource=resource,
                position=1,
                kind=ChannelKind.CHAT,
                address=website,
                via_website=True,
                hours=hours,
                week=week,
            )
        )
    found.append(
        ContactChannel(resource=resource, position=2, kind=ChannelKind.WEBSITE, address=website)
    )
    return found
