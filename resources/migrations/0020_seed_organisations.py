"""The seed's organisations for an existing site: where a seeded listing (by slug) has no
organisation yet, its organisation is made (once) and linked, in the listing and in its
history, so that the open data names who runs it and a revert keeps that. Staff's own
choices stay. Helpwanted also helps in English. Written out as the seed had them when this
migration was written (fixtures/organizations.yaml)."""

import uuid

from django.db import migrations
from django.utils import timezone

ORGANISATIONS = {
    "politie": (
        'Politie',
        'De Nederlandse politie. Neemt aangiftes op en onderzoekt strafbare feiten.',
        'The Dutch police. Takes reports of crimes and investigates them.',
        'https://www.politie.nl/',
    ),
    "de-kindertelefoon": (
        'De Kindertelefoon',
        'Landelijke stichting die kinderen en jongeren anoniem laat praten over wat hen bezighoudt.',
        'National foundation where children and young people talk anonymously about what is on their mind.',
        'https://www.kindertelefoon.nl/',
    ),
    "113-zelfmoordpreventie": (
        '113 Zelfmoordpreventie',
        'Landelijke stichting voor zelfmoordpreventie.',
        'National foundation for suicide prevention.',
        'https://www.113.nl/',
    ),
    "mind-korrelatie": (
        'MIND Korrelatie',
        'Landelijke hulplijn met psychologen en maatschappelijk werkers.',
        'National helpline with psychologists and social workers.',
        'https://www.mindkorrelatie.nl/',
    ),
    "de-luisterlijn": (
        'De Luisterlijn',
        'Landelijke stichting met een luisterend oor, dag en nacht.',
        'National foundation that listens, day and night.',
        'https://www.deluisterlijn.nl/',
    ),
    "offlimits": (
        'Offlimits',
        'Landelijk expertisecentrum tegen online misbruik en seksueel geweld; daar hoort Helpwanted bij.',
        'National centre of expertise against online abuse and sexual violence; Helpwanted is part of it.',
        'https://www.offlimits.nl/',
    ),
    "stop-online-shaming": (
        'Stop Online Shaming',
        'Stichting die rechtszaken voert tegen het online delen van seksuele beelden zonder toestemming.',
        'Foundation that takes the sharing of sexual images without consent to court.',
        'https://www.stoponlineshaming.org/',
    ),
    "centrum-seksueel-geweld": (
        'Centrum Seksueel Geweld',
        'Centra voor medische, forensische en psychische hulp na seksueel geweld.',
        'Centres for medical, forensic and psychological help after sexual violence.',
        'https://centrumseksueelgeweld.nl/',
    ),
    "fier": (
        'Fier',
        'Expertisecentrum voor geweld in afhankelijkheidsrelaties.',
        'Centre of expertise on violence in relationships of dependence.',
        'https://www.fier.nl/',
    ),
    "slachtofferhulp-nederland": (
        'Slachtofferhulp Nederland',
        'Landelijke organisatie die slachtoffers van misdrijven gratis helpt.',
        'National organisation that helps victims of crime, free of charge.',
        'https://www.slachtofferhulp.nl/',
    ),
    "het-juridisch-loket": (
        'Het Juridisch Loket',
        'Gratis juridisch advies voor mensen met een laag of middeninkomen.',
        'Free legal advice for people on a low or middle income.',
        'https://www.juridischloket.nl/',
    ),
    "meldpunt-discriminatie-regio-amsterdam": (
        'Meldpunt Discriminatie Regio Amsterdam',
        'Meldpunt voor discriminatie in de regio Amsterdam.',
        'Reporting point for discrimination in the Amsterdam region.',
        'https://www.mdra.nl/',
    ),
    "meld-online-discriminatie": (
        'Meld.Online Discriminatie',
        'Landelijk meldpunt voor discriminatie op internet (vroeger MiND Nederland).',
        'National reporting point for discrimination on the internet (formerly MiND Nederland).',
        'https://meld.onlinediscriminatie.nl/',
    ),
    "ouder-en-kindteams-amsterdam": (
        'Ouder- en Kindteams Amsterdam',
        'Teams in elke buurt en op scholen voor vragen over opvoeden en opgroeien.',
        'Teams in every neighbourhood and at schools for questions about raising and growing up.',
        'https://oktamsterdam.nl/',
    ),
    "buurtteams-amsterdam": (
        'Buurtteams Amsterdam',
        'Gratis buurtteams voor volwassenen in Amsterdam.',
        'Free neighbourhood teams for adults in Amsterdam.',
        'https://www.amsterdam.nl/',
    ),
    "veilig-thuis-amsterdam-amstelland": (
        'Veilig Thuis Amsterdam-Amstelland',
        'Advies- en meldpunt voor huiselijk geweld en kindermishandeling.',
        'Advice and reporting centre for domestic violence and child abuse.',
        'https://www.020veiligthuis.nl/',
    ),
    "gemeente-amsterdam": (
        'Gemeente Amsterdam',
        'De gemeente Amsterdam.',
        'The City of Amsterdam.',
        'https://www.amsterdam.nl/',
    ),
    "uptalk": (
        'UpTalk',
        'Amsterdamse chat voor jongeren over psychische klachten.',
        'Amsterdam chat for young people about mental health.',
        'https://www.uptalk.nl/',
    ),
    "inspectie-van-het-onderwijs": (
        'Inspectie van het Onderwijs',
        'De rijksinspectie die toezicht houdt op scholen.',
        'The national inspectorate that oversees schools.',
        'https://www.onderwijsinspectie.nl/',
    ),
    "ouders-en-onderwijs": (
        'Ouders & Onderwijs',
        'Landelijke vraagbaak voor ouders over school en onderwijs.',
        'National information service for parents about school and education.',
        'https://www.oudersonderwijs.nl/',
    ),
    "stichting-school-en-veiligheid": (
        'Stichting School & Veiligheid',
        'Expertisecentrum voor scholen over sociale veiligheid.',
        'Centre of expertise for schools on social safety.',
        'https://www.schoolenveiligheid.nl/',
    ),
    "netwerk-mediawijsheid": (
        'Netwerk Mediawijsheid',
        'Landelijk netwerk voor mediawijsheid.',
        'National network for media literacy.',
        'https://www.mediawijsheid.nl/',
    ),
    "stichting-stop-pesten-nu": (
        'Stichting Stop Pesten Nu',
        'Kenniscentrum over pesten voor ouders, scholen en jongeren.',
        'Knowledge centre on bullying for parents, schools and young people.',
        'https://stoppestennu.nl/',
    ),
    "meldknop": (
        'Meldknop.nl',
        'Website die uitlegt waar je online problemen kunt melden.',
        'Website that explains where to report problems online.',
        'https://www.meldknop.nl/',
    ),
}

# Listing slug -> the organisation that runs it.
RUN_BY = {
    "politie-geen-spoed": "politie",
    "kindertelefoon": "de-kindertelefoon",
    "113": "113-zelfmoordpreventie",
    "alles-oke-supportlijn": "de-kindertelefoon",
    "mind-korrelatie": "mind-korrelatie",
    "de-luisterlijn": "de-luisterlijn",
    "helpwanted": "offlimits",
    "offlimits": "offlimits",
    "stop-online-shaming": "stop-online-shaming",
    "centrum-seksueel-geweld": "centrum-seksueel-geweld",
    "fier": "fier",
    "slachtofferhulp": "slachtofferhulp-nederland",
    "juridisch-loket": "het-juridisch-loket",
    "meldpunt-discriminatie-amsterdam": "meldpunt-discriminatie-regio-amsterdam",
    "meld-online-discriminatie": "meld-online-discriminatie",
    "ouder-en-kindteams": "ouder-en-kindteams-amsterdam",
    "ouder-en-kindadviseur": "ouder-en-kindteams-amsterdam",
    "buurtteams-amsterdam": "buurtteams-amsterdam",
    "veilig-thuis": "veilig-thuis-amsterdam-amstelland",
    "gemeente-amsterdam": "gemeente-amsterdam",
    "uptalk": "uptalk",
    "leerplicht": "gemeente-amsterdam",
    "vertrouwensinspecteur": "inspectie-van-het-onderwijs",
    "ouders-en-onderwijs": "ouders-en-onderwijs",
    "school-en-veiligheid": "stichting-school-en-veiligheid",
    "mediawijsheid": "netwerk-mediawijsheid",
    "stop-pesten-nu": "stichting-stop-pesten-nu",
    "meldknop": "meldknop",
}

# Languages spoken beyond Dutch (the default), from the facts.
LANGUAGES = {"helpwanted": "nl, en"}


def forwards(apps, schema_editor):
    Organization = apps.get_model("resources", "Organization")
    HistoricalOrganization = apps.get_model("resources", "HistoricalOrganization")
    Resource = apps.get_model("resources", "Resource")
    HistoricalResource = apps.get_model("resources", "HistoricalResource")
    for listing, slug in RUN_BY.items():
        found = Resource.objects.filter(slug=listing, organization__isnull=True).first()
        if found is None:
            continue
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            name, dutch, english, website = ORGANISATIONS[slug]
            fields = {
                "uuid": uuid.uuid4(),
                "slug": slug,
                "name": name,
                "description": dutch,
                "description_nl": dutch,
                "description_en": english,
                "website": website,
            }
            organization = Organization.objects.create(**fields)
            HistoricalOrganization.objects.create(
                id=organization.pk,
                version=organization.version,
                history_date=timezone.now(),
                history_type="+",
                history_change_reason="Seed data",
                **fields,
            )
        Resource.objects.filter(pk=found.pk).update(organization=organization)
        HistoricalResource.objects.filter(id=found.pk, organization__isnull=True).update(
            organization=organization
        )
    for listing, spoken in LANGUAGES.items():
        for model in (Resource, HistoricalResource):
            model.objects.filter(slug=listing, languages="nl").update(languages=spoken)


class Migration(migrations.Migration):
    dependencies = [("resources", "0019_open_data_ids_and_organisations")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
