"""A synthetic claims database for benchmarks: rows ready for PostgreSQL COPY, no Django import.

The shape follows the real data. Claims spread over metrics with a Zipf-Mandelbrot skew (a few
metrics carry thousands of claims, most carry a few dozen). Each metric follows a slow log-linear
trend around a base value; a claim states that value at its as-of date with a little noise, rounded
to 2-4 significant digits, and some claims misreport it (the conflicts the report exists to
find). Figures are hedged ("about", "nearly"), open on one side ("more than", "up to") or ranges.
As-of dates run over 2015-2025, a few weeks before the article; some articles repeat an old figure.
About 90% of claims are confirmed and a few carry a verdict.

Reviews (``review_rows``): every claim with a verdict has one to three published reviews, each
superseding the one before, the last one rating the claim with its verdict (so the claim's verdict
is its latest published review's, as reviews.services keeps it); the other reviews are drafts,
submissions and withdrawn reviews of confirmed claims, by a few dozen reviewers.

Every article body is built from its claims' quotes, so each claim's ``start``/``end`` point at
its figure in the body: the database's offset trigger accepts the rows as they are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

FIRST_DAY = dt.date(2015, 1, 1).toordinal()
LAST_DAY = dt.date(2025, 12, 31).toordinal()
CREATED = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)

# Zipf-Mandelbrot weights (rank + OFFSET) ** -EXPONENT: with 10,000 metrics and 100 claims each
# on average, the busiest metric has about 6,000 claims and the median one about 40.
ZIPF_EXPONENT = 1.0
ZIPF_OFFSET = 25
NOISE = 0.003  # log-normal spread of a correct restatement of the metric's value
MISREPORTED = 0.01  # share of claims whose figure is off ...
MISREPORT_NOISE = 0.4  # ... by this much (log-normal sigma)
CONFIRMED, CANDIDATE = 0.90, 0.08  # the rest are rejected
WITH_VERDICT = 0.02

OUTLET_COLUMNS = ["id", "slug", "name", "homepage", "created_at"]
SPEAKER_COLUMNS = [
    "id", "slug", "name", "kind", "role", "affiliation", "aliases", "created_at",
]  # fmt: skip
METRIC_COLUMNS = [
    "id", "slug", "name", "description", "canonical_unit", "kind", "scope",
    "comparability_days", "created_at",
]  # fmt: skip
ARTICLE_COLUMNS = [
    "id", "outlet_id", "url", "title", "published", "published_precision", "date_basis", "body",
    "content_hash", "imported_at",
]  # fmt: skip
CLAIM_COLUMNS = [
    "id", "article_id", "quote", "figure", "start", "end", "value_low", "value_high",
    "qualifier", "unit", "subject", "scope", "speaker_id", "metric_id", "as_of_start",
    "as_of_end", "as_of_precision", "status", "origin", "verdict", "verdict_at", "note",
    "created_at", "updated_at",
]  # fmt: skip
RESOLUTION_COLUMNS = ["id", "claim_a_id", "claim_b_id", "kind", "note", "resolved_at"]
USER_COLUMNS = [
    "id", "password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff",
    "is_active", "date_joined",
]  # fmt: skip
REVIEW_COLUMNS = [
    "id", "claim_id", "reviewer_id", "rating", "rationale", "evidence", "status", "published_at",
    "supersedes_id", "created_at", "updated_at",
]  # fmt: skip
FIRST_USER_ID = 1000  # synthetic users start here; users the benchmark makes take lower ids
REVIEWS_PER_CLAIM = 0.3  # 300,000 reviews for 1,000,000 claims
CHAIN_LENGTHS, CHAIN_SHARES = [1, 2, 3], [0.75, 0.20, 0.05]  # published reviews per verdict
UNPUBLISHED, UNPUBLISHED_SHARES = ["draft", "submitted", "withdrawn"], [0.30, 0.45, 0.25]

PLACES = [
    "Erbil", "Duhok", "Sulaymaniyah", "Kirkuk", "Mosul", "Halabja", "Zakho", "Sinjar", "Raqqa",
    "Qamishli", "Kobani", "Diyarbakir", "Mahabad", "Baghdad", "Basra", "Anbar", "Nineveh",
    "the Kurdistan Region", "Iraq", "northeast Syria",
]  # fmt: skip
# (subject, canonical unit, metric kind, base value range as powers of ten)
SUBJECTS = [
    ("people displaced", "count", "level", (3, 6)),
    ("families returned home", "count", "count_over_period", (2, 5)),
    ("civilians killed", "count", "count_over_period", (1, 4)),
    ("schools rebuilt", "count", "count_over_period", (1, 3)),
    ("refugees registered", "count", "level", (3, 6)),
    ("public employees", "count", "level", (4, 6)),
    ("barrels of oil exported a day", "count", "level", (4, 6)),
    ("unemployment rate", "percent", "ratio", (0.5, 1.6)),
    ("poverty rate", "percent", "ratio", (0.8, 1.7)),
    ("turnout", "percent", "ratio", (1.4, 1.9)),
    ("budget for reconstruction", "USD", "count_over_period", (6, 10)),
    ("public debt", "USD", "level", (8, 11)),
    ("monthly salary bill", "USD", "level", (7, 9)),
    ("length of roads repaired", "km", "count_over_period", (1, 3.5)),
    ("length of the border wall", "km", "level", (1, 3)),
    ("wheat harvested", "metric_ton", "count_over_period", (4, 6.5)),
]  # fmt: skip
UNIT_WORDS = {"count": "", "percent": " percent", "USD": " dollars", "km": " kilometres",
              "mile": " miles", "metric_ton": " tonnes"}  # fmt: skip
QUALIFIERS = ["exact", "approximate", "nearly", "more_than", "at_least", "at_most", "less_than",
              "range"]  # fmt: skip
QUALIFIER_SHARES = [0.52, 0.18, 0.04, 0.05, 0.03, 0.04, 0.03, 0.11]
HEDGES = {
    "exact": "", "approximate": "about ", "nearly": "nearly ", "more_than": "more than ",
    "at_least": "at least ", "at_most": "up to ", "less_than": "fewer than ", "range": "",
}  # fmt: skip
PRECISIONS = ["day", "month", "quarter", "year", "none"]
PRECISION_SHARES = [0.40, 0.33, 0.07, 0.17, 0.03]
VERDICTS = ["accurate", "roughly_right", "overstated", "understated", "outdated",
            "misattributed", "unsupported"]  # fmt: skip
RESOLUTION_KINDS = ["different_scope", "different_period", "source_a_wrong", "source_b_wrong",
                    "both_wrong", "not_comparable"]  # fmt: skip
FIRST_NAMES = ["Ahmed", "Shirin", "Karwan", "Nasrin", "Hemin", "Lana", "Rebwar", "Dilan", "Omar",
               "Sara", "Bakhtiar", "Hana", "Aram", "Zhino", "Farhad", "Rozh"]  # fmt: skip
LAST_NAMES = ["Barzani", "Talabani", "Hassan", "Aziz", "Mahmoud", "Karim", "Rashid", "Salih",
              "Othman", "Qadir", "Jaff", "Rasul", "Amin", "Hawrami"]  # fmt: skip
ORGANISATIONS = [
    "Ministry of Planning", "UNHCR", "IOM", "Statistics Office", "Ministry of Finance",
    "Joint Crisis Coordination Centre", "World Bank", "Red Crescent",
]  # fmt: skip
SAYINGS = ["{s} said", "according to {s}", "{s} told reporters", "{s} wrote in a statement"]


@dataclass(frozen=True)
class Sizes:
    claims: int
    metrics: int
    outlets: int
    articles: int
    speakers: int

    @classmethod
    def for_claims(cls, claims: int, metrics: int) -> Sizes:
        return cls(
            claims=claims,
            metrics=metrics,
            outlets=200,
            articles=max(1, claims // 10),
            speakers=max(1, claims // 50),
        )


def zipf_weights(count: int) -> np.ndarray:
    """Zipf-Mandelbrot popularity of ``count`` metrics by rank, summing to one."""
    weights = (np.arange(1, count + 1) + ZIPF_OFFSET) ** -ZIPF_EXPONENT
    return weights / weights.sum()


def spell(value: float) -> str:
    """A rounded figure as a reporter writes it: "40,000", "3.5 million", "12.4"."""
    for word, scale in (("billion", 1e9), ("million", 1e6)):
        if value >= scale and (value / scale) == round(value / scale, 2):
            return f"{value / scale:g} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:g}"


def rounded(value: float, digits: int) -> float:
    """``value`` kept to ``digits`` significant digits."""
    return float(f"{value:.{digits}g}")


class DataSet:
    """Draws the whole data set's random choices up front; the ``*_rows`` methods spell rows."""

    def __init__(self, sizes: Sizes, seed: int = 20260115) -> None:
        self.sizes = sizes
        rng = np.random.default_rng(seed)
        self.rng = rng
        n, m = sizes.claims, sizes.metrics
        # Metrics: a subject and place each, popularity by a random rank (independent of slug).
        self.metric_subject = rng.integers(0, len(SUBJECTS), m)
        self.metric_place = rng.integers(0, len(PLACES), m)
        low_exp = np.array([SUBJECTS[s][3][0] for s in self.metric_subject])
        high_exp = np.array([SUBJECTS[s][3][1] for s in self.metric_subject])
        self.metric_base = 10 ** rng.uniform(low_exp, high_exp)
        self.metric_growth = rng.normal(0, 0.01, m)  # per year, log scale
        self.metric_window = rng.choice([90, 365, 730], m, p=[0.3, 0.5, 0.2])
        popularity = zipf_weights(m)[rng.permutation(m)]
        # Claims, sorted by article so each article's claims are contiguous.
        self.claim_article = np.sort(rng.integers(0, sizes.articles, n))
        self.claim_metric = rng.choice(m, n, p=popularity)
        self.article_outlet = rng.integers(0, sizes.outlets, sizes.articles)
        self.article_published = rng.integers(FIRST_DAY, LAST_DAY + 1, sizes.articles)
        lag = rng.exponential(30, n).astype(np.int64)
        stale = rng.random(n) < 0.05
        lag[stale] += rng.integers(365, 4 * 365, stale.sum())
        self.claim_anchor = np.maximum(FIRST_DAY, self.article_published[self.claim_article] - lag)
        self.claim_precision = rng.choice(len(PRECISIONS), n, p=PRECISION_SHARES)
        self.claim_qualifier = rng.choice(len(QUALIFIERS), n, p=QUALIFIER_SHARES)
        self.claim_digits = rng.choice([2, 3, 4], n, p=[0.70, 0.25, 0.05])
        sigma = np.where(rng.random(n) < MISREPORTED, MISREPORT_NOISE, NOISE)
        years = (self.claim_anchor - dt.date(2020, 1, 1).toordinal()) / 365.25
        metric = self.claim_metric
        self.claim_value = (
            self.metric_base[metric]
            * np.exp(self.metric_growth[metric] * years)
            * np.exp(rng.normal(0, 1, n) * sigma)
        )
        self.claim_speaker = np.where(rng.random(n) < 0.8, rng.integers(0, sizes.speakers, n), -1)
        self.claim_scope = rng.choice(3, n, p=[0.85, 0.10, 0.05])  # metric's, none, another
        self.claim_status = rng.choice(3, n, p=[CONFIRMED, CANDIDATE, 1 - CONFIRMED - CANDIDATE])
        verdict = rng.integers(0, len(VERDICTS), n)
        self.claim_verdict = np.where(
            (rng.random(n) < WITH_VERDICT) & (self.claim_status == 0), verdict, -1
        )
        self.claim_in_miles = rng.random(n) < 0.3  # of claims whose metric is in km
        self.claim_saying = rng.integers(0, len(SAYINGS), n)

    # -- small tables -------------------------------------------------------------------------

    def outlet_rows(self) -> Iterator[tuple]:
        for i in range(self.sizes.outlets):
            name = f"Outlet {i + 1:03d} News"
            yield (i + 1, f"outlet-{i + 1:03d}", name, f"https://outlet{i + 1:03d}.example/",
                   CREATED)  # fmt: skip

    def speaker_rows(self) -> Iterator[tuple]:
        rng = np.random.default_rng(1)
        for i in range(self.sizes.speakers):
            if rng.random() < 0.7:
                name = f"{FIRST_NAMES[i % 16]} {LAST_NAMES[(i // 16) % 14]} {i // 224 or ''}"
                kind, role, affiliation = "person", "spokesperson", ORGANISATIONS[i % 8]
            else:
                name, kind = f"{ORGANISATIONS[i % 8]} office {i}", "organisation"
                role, affiliation = "", ""
            yield (i + 1, f"speaker-{i + 1}", name.strip(), kind, role, affiliation,
                   json.dumps([]), CREATED)  # fmt: skip

    def metric_rows(self) -> Iterator[tuple]:
        for i in range(self.sizes.metrics):
            subject, unit, kind, _ = SUBJECTS[self.metric_subject[i]]
            place = PLACES[self.metric_place[i]]
            slug = f"{subject.split()[0]}-{place.split()[-1]}-{i + 1}".lower()
            yield (i + 1, slug, f"{subject.capitalize()} in {place}", "", unit, kind, place,
                   int(self.metric_window[i]), CREATED)  # fmt: skip

    def resolution_rows(self) -> Iterator[tuple]:
        """Editors' resolutions on a few pairs of claims of one metric (one in 2,000 claims)."""
        order = np.argsort(self.claim_metric, kind="stable")
        same = np.flatnonzero(self.claim_metric[order[:-1]] == self.claim_metric[order[1:]])
        rng = np.random.default_rng(2)
        picked = rng.choice(same, min(len(same), self.sizes.claims // 2000), replace=False)
        for number, k in enumerate(sorted(picked), start=1):
            a, b = sorted((int(order[k]) + 1, int(order[k + 1]) + 1))
            kind = RESOLUTION_KINDS[number % len(RESOLUTION_KINDS)]
            yield (number, a, b, kind, "", CREATED)

    # -- reviewers and their reviews -----------------------------------------------------------

    def reviewer_rows(self, count: int) -> Iterator[tuple]:
        """``count`` reviewer accounts (unusable passwords), ids from ``FIRST_USER_ID``."""
        for i in range(count):
            first, last = FIRST_NAMES[i % 16], LAST_NAMES[(i // 16) % 14]
            yield (FIRST_USER_ID + i, "!", False, f"reviewer-{i + 1}", first, last,
                   f"reviewer-{i + 1}@example.org", False, True, CREATED)  # fmt: skip

    def review_rows(self, count: int, reviewers: int) -> Iterator[tuple]:
        """``count`` reviews by ``reviewers`` reviewers (see the module docstring).

        Published reviews come first, so a small ``count`` keeps the verdicts explained."""
        rng = np.random.default_rng(3)
        number = 0

        def review(claim: int, rating: str, status: str, day: int, supersedes: int | None):
            nonlocal number
            number += 1
            m = int(self.claim_metric[claim])
            subject = SUBJECTS[self.metric_subject[m]][0]
            source = ORGANISATIONS[(claim + number) % len(ORGANISATIONS)]
            at = dt.datetime.combine(dt.date.fromordinal(day), dt.time(9), tzinfo=dt.UTC)
            evidence = [f"https://evidence.example/{source.split()[0].lower()}/{claim + 1}"]
            return (
                number, claim + 1, FIRST_USER_ID + int(rng.integers(reviewers)), rating,
                f"The {subject} figure set against {source} data for the same period.",
                json.dumps(evidence), status,
                at if status in ("published", "withdrawn") else None, supersedes, at, at,
            )  # fmt: skip

        rated = np.flatnonzero(self.claim_verdict >= 0)
        chains = rng.choice(CHAIN_LENGTHS, len(rated), p=CHAIN_SHARES)
        for claim, length in zip(rated.tolist(), chains.tolist(), strict=True):
            day = int(self.article_published[self.claim_article[claim]])
            previous = None
            for step in range(length):
                if number >= count:
                    return
                last = step == length - 1
                rating = VERDICTS[self.claim_verdict[claim] if last else rng.integers(7)]
                day += int(rng.exponential(20)) + 1
                row = review(claim, rating, "published", day, previous)
                previous = row[0]
                yield row
        unrated = np.flatnonzero((self.claim_status == 0) & (self.claim_verdict < 0))
        rest = max(0, count - number)
        claims = rng.choice(unrated, rest).tolist() if len(unrated) else []
        statuses = rng.choice(UNPUBLISHED, rest, p=UNPUBLISHED_SHARES).tolist()
        ratings = rng.integers(0, len(VERDICTS), rest).tolist()
        lags = rng.exponential(20, rest).astype(np.int64).tolist()
        for claim, status, rating, lag in zip(claims, statuses, ratings, lags, strict=False):
            day = int(self.article_published[self.claim_article[claim]]) + lag + 1
            yield review(claim, VERDICTS[rating], status, day, None)

    # -- articles and their claims ------------------------------------------------------------

    def articles_with_claims(self) -> Iterator[tuple[tuple, list[tuple]]]:
        """(article row, its claim rows) per article, claims in id order."""
        bounds = np.searchsorted(self.claim_article, np.arange(self.sizes.articles + 1))
        for a in range(self.sizes.articles):
            published = dt.date.fromordinal(int(self.article_published[a]))
            outlet = int(self.article_outlet[a]) + 1
            lead = f"Outlet {outlet:03d} News, {published:%d %B %Y}."
            body, claims = [lead], []
            offset = len(lead) + 1
            for c in range(bounds[a], bounds[a + 1]):
                quote, figure, at, row = self._claim(c)
                claims.append((c + 1, a + 1, quote, figure, offset + at, offset + at + len(figure),
                               *row))  # fmt: skip
                body.append(quote)
                offset += len(quote) + 1
            text = " ".join(body)
            digest = hashlib.sha256(f"{a}\n{text}".encode()).hexdigest()
            article = (
                a + 1, outlet, f"https://outlet{outlet:03d}.example/{published:%Y/%m}/{a + 1}",
                f"Report {a + 1} from Outlet {outlet:03d}", published, "day", "", text, digest,
                CREATED,
            )  # fmt: skip
            yield article, claims

    def _claim(self, c: int) -> tuple[str, str, int, tuple]:
        m = int(self.claim_metric[c])
        subject, unit, _, _ = SUBJECTS[self.metric_subject[m]]
        qualifier = QUALIFIERS[self.claim_qualifier[c]]
        value = float(self.claim_value[c])
        if unit == "percent":
            value = min(value, 99.0)
        if unit == "km" and self.claim_in_miles[c]:
            unit, value = "mile", value / 1.609344
        digits = int(self.claim_digits[c])
        low = high = rounded(value, digits)
        if qualifier == "nearly":
            low = high = rounded(value * 1.03, digits)
        elif qualifier in ("more_than", "at_least"):
            low, high = rounded(value * 0.9, digits), None
        elif qualifier in ("at_most", "less_than"):
            low, high = None, rounded(value * 1.1, digits)
        elif qualifier == "range":
            qualifier = "exact"
            low, high = rounded(value * 0.9, 2), rounded(value * 1.12, 2)
        if low is not None and high is not None and low != high:
            figure = f"{spell(low)} to {spell(high)}"
        else:
            figure = spell(low if high is None else high)
        place = PLACES[self.metric_place[m]]
        scope = (place, "", PLACES[(self.metric_place[m] + 1) % len(PLACES)])[self.claim_scope[c]]
        speaker = int(self.claim_speaker[c])
        who = f"speaker {speaker + 1}" if speaker >= 0 else "officials"
        prefix = (
            f"The {subject} in {scope or place} stood at "
            f"{HEDGES[QUALIFIERS[self.claim_qualifier[c]]]}"
        )
        suffix = f"{UNIT_WORDS[unit]}, {SAYINGS[self.claim_saying[c]].format(s=who)}."
        quote = prefix + figure + suffix
        as_of_start, as_of_end, precision = self._as_of(c)
        status = ("confirmed", "candidate", "rejected")[self.claim_status[c]]
        verdict_code = int(self.claim_verdict[c])
        verdict = VERDICTS[verdict_code] if verdict_code >= 0 else ""
        row = (
            low, high, qualifier, unit, subject, scope, speaker + 1 if speaker >= 0 else None,
            m + 1, as_of_start, as_of_end, precision, status, "extracted", verdict,
            CREATED if verdict else None, "", CREATED, CREATED,
        )  # fmt: skip
        return quote, figure, len(prefix), row

    def _as_of(self, c: int) -> tuple[dt.date | None, dt.date | None, str]:
        precision = PRECISIONS[self.claim_precision[c]]
        if precision == "none":
            return None, None, ""
        day = dt.date.fromordinal(int(self.claim_anchor[c]))
        if precision == "day":
            return day, day, precision
        if precision == "year":
            return day.replace(month=1, day=1), day.replace(month=12, day=31), precision
        months = 1 if precision == "month" else 3
        first_month = day.month - (day.month - 1) % months
        start = day.replace(month=first_month, day=1)
        next_month = first_month + months
        if next_month > 12:
            end = dt.date(day.year + 1, 1, 1) - dt.timedelta(days=1)
        else:
            end = dt.date(day.year, next_month, 1) - dt.timedelta(days=1)
        return start, end, precision


def expected_top_metric_claims(sizes: Sizes) -> int:
    """How many claims the busiest metric gets on average."""
    return math.ceil(zipf_weights(sizes.metrics)[0] * sizes.claims)
