"""Finding texts by the words people type: plain Python, no Django, no database.

An Index holds documents (listings, advice, pages, kinds of bullying: any key), each with
fields of text in one or more languages. A search splits the query into words (case and
accents do not matter, small words like "de" or "the" are left out) and matches each word
in every document, as well as it can:

- the same word (1.0);
- the same stem, by the Snowball stemmer of either language: "pesten" finds "gepest",
  "bullied" finds "bullying" (0.95), or a stem that begins the other ("pes"/"pest": 0.85);
- part of a longer word: "foto" in "naaktfoto" (0.6);
- for a word the index does not have, nor its stem: a word of the index one or two typing
  mistakes away, with the same first letter ("kindertelefon": "kindertelefoon", 0.8 or
  0.7), or two words of the index written together ("veiligthuis").

Each field has a level (a name 1.0, a text 0.4); text in another language than the
index's counts OTHER_LANGUAGE times as much ("police" on the Dutch site finds Politie).
A document's score is the mean over the query's words of its best match, times the share
of the words it matches: one that matches every word comes before one that matches some.
Digits typed with spaces or dashes are one number: "0800 0432" is "08000432".

PostgreSQL's "dutch" and "english" text search configurations stem with the same Snowball
algorithms. The index is kept in memory per content version (resources/search.py), so
that a search is the same on SQLite and PostgreSQL and needs no query of its own.
"""

import bisect
import heapq
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import snowballstemmer
from django.conf.locale import LANG_INFO
from rapidfuzz import process
from rapidfuzz.distance import OSA

WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 8
MAX_WORD_LENGTH = 40
OTHER_LANGUAGE = 0.8
EXACT, STEM, STEM_PREFIX, TYPO, TYPO_FAR, PART = 1.0, 0.95, 0.85, 0.8, 0.7, 0.6
MAX_PARTS = 30  # longer words a word is part of, at most

# Small words that say little about what someone looks for. A query of only these is
# searched as it is.
STOP_WORDS = frozenset(
    # Dutch
    "aan al als ben bij dan dat de deze die dit doe doen door dus een en er is ga gaat "  # noqa: SIM905
    "had heb hebben heeft het hier hij hoe hun ik in je jij jou jouw kan kun kunnen maar "
    "me mee mij mijn moet na naar nog nu of om ons onze ook op over te tegen toch tot u "
    "uw van veel voor wat we wel welke wie wij wil worden wordt zal ze zich zij zijn zo "
    # English
    "a about am an and are as at be been being but by can could did do does for from "
    "had has have he her him his how i if in into is it its me my of on or our she so "
    "than that the their them they this to us was we were what when where which who why "
    "will with would you your".split()
)


def normalised(text):
    """Lower case, without accents: "Oké" is "oke"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def tokens(text):
    """The words of a text, normalised; "naaktfoto's" is "naaktfoto" and "s"."""
    return WORD.findall(normalised(text))


def query_words(text):
    """The words of a query: at most eight, each at most 40 characters; numbers typed in
    groups joined ("0800 0432", "0800-0432": "08000432"); words of one letter left out."""
    words = []
    for word in tokens(text)[: MAX_WORDS * 4]:
        if word.isdigit() and words and words[-1].isdigit():
            words[-1] += word
        elif len(word) > 1 or word.isdigit():
            words.append(word[:MAX_WORD_LENGTH])
    return words[:MAX_WORDS]


def content_words(words):
    """The words worth looking for: without the small words, unless there are only those."""
    kept = [word for word in words if word not in STOP_WORDS]
    return kept or words


class Stemmers:
    """A Snowball stemmer for each language that has one, by Django's language code;
    stems kept once made (the same words come back all the time). A stemmer keeps the
    word it works on, so one thread at a time uses them (gunicorn runs several)."""

    def __init__(self, languages):
        self._stemmers = {}
        for code in languages:
            name = LANG_INFO.get(code.split("-")[0], {}).get("name", "").lower()
            if name in snowballstemmer.algorithms():
                self._stemmers[code] = snowballstemmer.stemmer(name)
        self._made = {code: {} for code in languages}  # language -> {word: stem}
        self._lock = threading.Lock()

    def stem(self, word, language):
        made = self._made.setdefault(language, {})
        stem = made.get(word)
        if stem is None:
            stemmer = self._stemmers.get(language)
            if stemmer and not word.isdigit():
                with self._lock:
                    stem = stemmer.stemWord(word)
            else:
                stem = word
            made[word] = stem
        return stem

    def stems(self, word):
        """The word's stem in every language, each once."""
        return {self.stem(word, language) for language in self._stemmers}


class Where(NamedTuple):
    """A field of a document: why it matched (a key the site words), how much it counts
    (1.0 for a name), and the language of its text. A named tuple: a
    search hashes thousands of them."""

    reason: str
    level: float
    language: str


class Hit(NamedTuple):
    """A document that matched: its score, where its best word was found, and the
    word of the index that word stood for when it was typed otherwise (a typo).
    A named tuple: a broad word matches thousands of documents."""

    doc: object
    score: float
    where: Where
    corrected: str = ""


@dataclass
class Lookup:
    """How each word of a query was understood: word -> {(kind, term): quality}."""

    alternatives: dict = field(default_factory=dict)
    corrections: dict = field(default_factory=dict)  # typed word -> word of the index

    def terms(self):
        """The words and stems the query stands for, not counting parts of longer words."""
        return {
            term
            for found in self.alternatives.values()
            for term, quality in found.items()
            if quality > PART
        }


class Index:
    def __init__(self, language, stemmers):
        self.language = language
        self.stemmers = stemmers
        self._text_ids = {}  # (text, language) -> id
        # Where -> {text id: [doc, ...]}, and Where -> {text id}: the texts in each kind
        # of field, so that a search finds a word's documents by sets, not one by one.
        self._fields = {}
        self._field_texts = {}
        # word -> [text id, ...], and stem -> [text id, ...]: lists, each id once (a new
        # text's words are added once), as a set costs about three times the memory of a list
        # and most words are in one or two texts (names, numbers).
        self._words = {}
        self._stems = {}
        self._order = {}  # doc -> when it was added: the order among equal scores
        self._sorted = None  # (vocabulary, stems), sorted: made by the first search

    def add(self, doc, reason, level, text, language=None):
        """A field of `doc` with this text in `language` (None: the index's own)."""
        if not text:
            return
        self._order.setdefault(doc, len(self._order))
        language = language or self.language
        where = Where(reason, level, language)
        key = (text, language)
        text_id = self._text_ids.get(key)
        if text_id is None:
            text_id = self._text_ids[key] = len(self._text_ids)
            words = set(tokens(text))
            for word in words:
                self._words.setdefault(word, []).append(text_id)
            for stem in {self.stemmers.stem(word, language) for word in words}:
                self._stems.setdefault(stem, []).append(text_id)
            self._sorted = None
        self._fields.setdefault(where, {}).setdefault(text_id, []).append(doc)
        self._field_texts.setdefault(where, set()).add(text_id)

    def documents(self):
        return self._order.keys()

    def sorted_lists(self):
        """The words typos and parts are matched against (no numbers, no short words) and
        the stems, each sorted. Made once, and set in one step: searches in other threads
        see both or neither."""
        made = self._sorted
        if made is None:
            vocabulary = sorted(w for w in self._words if len(w) > 3 and not w.isdigit())
            made = self._sorted = (vocabulary, sorted(self._stems))
        return made

    def phrase(self, text):
        """The words of a short text (a search word such as "nep account"), each as the
        set of terms that stand for it: the word, and its stem in each language."""
        return [
            {("word", word)} | {("stem", stem) for stem in self.stemmers.stems(word)}
            for word in content_words(query_words(text))
        ]

    def typo_candidates(self, word):
        """The words of the index a typo of `word` may stand for: of five letters or
        more, and with the same first letter (people rarely mistype that one: "table"
        is not "able")."""
        vocabulary, _stems = self.sorted_lists()
        start = bisect.bisect_left(vocabulary, word[0])
        end = bisect.bisect_left(vocabulary, chr(ord(word[0]) + 1))
        return [other for other in vocabulary[start:end] if len(other) >= 5]

    def knows(self, word):
        return word in self._words or any(s in self._stems for s in self.stemmers.stems(word))

    def lookup(self, text):
        """Each word of the query with the words and stems of the index it may stand for.
        Two words the index has as one ("kinder telefoon") may stand for that word too;
        a word the index has only as two ("veiligthuis") is looked for as those two."""
        found = Lookup()
        words = []
        for word in content_words(query_words(text)):
            if not self.knows(word) and len(word) >= 6 and not word.isdigit():
                words.extend(self.split(word) or [word])
            else:
                words.append(word)
        for word in words:
            found.alternatives[word] = self.alternatives(word, found.corrections)
        for first, second in zip(words, words[1:], strict=False):
            if first + second in self._words:
                for word in (first, second):
                    found.alternatives[word]["word", first + second] = EXACT
        return found

    def split(self, word):
        for at in range(3, len(word) - 2):
            if word[:at] in self._words and word[at:] in self._words:
                return [word[:at], word[at:]]
        return None

    def alternatives(self, word, corrections):
        found = {}

        def add(kind, term, quality):
            key = (kind, term)
            if found.get(key, 0) < quality:
                found[key] = quality

        if word in self._words:
            add("word", word, EXACT)
        vocabulary, sorted_stems = self.sorted_lists()
        for stem in self.stemmers.stems(word):
            if stem in self._stems:
                add("stem", stem, STEM)
            if len(stem) >= 3:
                start = bisect.bisect_left(sorted_stems, stem)
                for other in sorted_stems[start : start + MAX_PARTS]:
                    if not other.startswith(stem):
                        break
                    add("stem", other, STEM_PREFIX)
            for length in range(max(4, len(stem) - 2), len(stem)):
                if stem[:length] in self._stems:
                    add("stem", stem[:length], STEM_PREFIX)
        if len(word) >= 4 and not word.isdigit():
            parts = [other for other in vocabulary if word in other and other != word]
            for other in parts[:MAX_PARTS]:
                add("word", other, PART)
        if len(word) >= 5 and not word.isdigit() and not self.knows(word):
            allowed = 1 if len(word) < 8 else 2
            close = process.extract(
                word, self.typo_candidates(word), scorer=OSA.distance, score_cutoff=allowed, limit=3
            )
            for other, distance, _index in close:
                add("word", other, TYPO if distance == 1 else TYPO_FAR)
                corrections.setdefault(word, other)
        return found

    def search(self, text, lookup=None):
        """The documents that match the query (a Ranking), best first; equal scores in
        the order they were added.

        A broad word matches thousands of documents. The work per document is done by
        sets in C: the documents are split into classes of equal score, one word at a
        time (each word's best match takes a few values); a Ranking puts in order only
        as many as are asked for."""
        lookup = lookup or self.lookup(text)
        per_word = [self.best_per_doc(found) for found in lookup.alternatives.values()]
        matched = set().union(*(best for best, _classes in per_word))
        if not matched:
            return Ranking({}, self._order, [])
        count = len(per_word)
        if count == 1:
            return Ranking(per_word[0][1], self._order, [per_word[0][0]])
        # (sum of the words' strengths, words matched, documents)
        parts = [(0.0, 0, matched)]
        for best, classes in per_word:
            split = []
            for total, words, docs in parts:
                for strength, members in classes.items():
                    both = docs & members
                    if both:
                        split.append((total + strength, words + 1, both))
                rest = docs.difference(best)
                if rest:
                    split.append((total, words, rest))
            parts = split
        by_score = {}
        for total, words, docs in parts:
            by_score.setdefault(total / count * (1 + words / count) / 2, set()).update(docs)
        return Ranking(by_score, self._order, [best for best, _classes in per_word])

    def best_per_doc(self, alternatives):
        """For one word of the query: {doc: (strength, Where, word of the index a typo
        stood for)}, its best match in each document; and {strength: {doc}}."""
        claimed = set()
        found = []  # (quality, word of the index a typo stood for, text ids), best first
        for (kind, term), quality in sorted(
            alternatives.items(), key=lambda item: item[1], reverse=True
        ):
            postings = self._words if kind == "word" else self._stems
            new = set(postings.get(term, ()))
            new -= claimed
            if new:
                claimed |= new
                found.append((quality, term if quality in (TYPO, TYPO_FAR) else "", new))
        groups = {}  # (strength, Where, corrected) -> {doc}
        for quality, corrected, text_ids in found:
            for where, texts in self._field_texts.items():
                matching = text_ids & texts
                if matching:
                    own = where.language == self.language
                    strength = quality * where.level * (1 if own else OTHER_LANGUAGE)
                    docs = groups.setdefault((strength, where, corrected), set())
                    docs.update(*map(self._fields[where].__getitem__, matching))
        best = {}
        classes = {}
        for match in sorted(groups, key=lambda match: match[0], reverse=True):
            # strongest first: a document keeps its best match
            new = groups[match].difference(best)
            if new:
                best.update(dict.fromkeys(new, match))
                classes.setdefault(match[0], set()).update(new)
        return best, classes


class Ranking:
    """The documents a query matched, in classes of equal score: the best first, and
    within a class in the order the documents were added to the index."""

    def __init__(self, by_score, order, per_word):
        self._classes = sorted(by_score.items(), key=lambda item: item[0], reverse=True)
        self._order = order
        self._per_word = per_word  # for each word: {doc: its best match}

    def __bool__(self):
        return bool(self._classes)

    @property
    def best(self):
        return self._classes[0][0] if self._classes else 0.0

    def score(self, doc):
        return next((score for score, docs in self._classes if doc in docs), 0.0)

    def count(self, among, at_least=0.0):
        """How many of the documents `among` (a set) scored `at_least`."""
        return sum(len(docs & among) for score, docs in self._classes if score >= at_least)

    def first(self, among, limit=None, at_least=0.0, leave_out=()):
        """The first `limit` (None: all) of the documents `among` (a set) that scored
        `at_least`, without those in `leave_out`, best first."""
        found = []
        for score, docs in self._classes:
            if score < at_least or (limit is not None and len(found) >= limit):
                break
            chosen = (docs & among).difference(leave_out)
            wanted = None if limit is None else limit - len(found)
            if wanted is not None and wanted < len(chosen):
                found += heapq.nsmallest(wanted, chosen, key=self._order.__getitem__)
            else:
                found += sorted(chosen, key=self._order.__getitem__)
        return found

    def hit(self, doc):
        matches = [best[doc] for best in self._per_word if doc in best]
        _strength, where, corrected = max(matches, key=lambda match: match[0])
        return Hit(doc, self.score(doc), where, corrected)
