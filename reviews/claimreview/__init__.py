"""schema.org ClaimReview: reading fact-checkers' documents, storing them, publishing ours.

- ``reading``: finding the ClaimReview items of a document (one item, a list, ``@graph``,
  ``DataFeed``, a saved HTML page) and normalising each one;
- ``ratings`` with ``ratings.toml``: placing a fact-checker's rating word on our scale;
- ``importing``: the service storing each item in its own transaction;
- ``publishing``: our JSON-LD, one review or the feed.

Verdict scale and ClaimReview numbers
-------------------------------------

Our own reviews carry ``bestRating`` 5 and ``worstRating`` 1; ``alternateName`` (and ``name``)
is the verdict's label. The numbers come from ``claims.core.verdicts.SCALE`` (the README's
"Verdict scale" table says the same):

=============  =====  ===========================================================================
verdict        value  meaning
=============  =====  ===========================================================================
Accurate       5      the figure matches the best available evidence for its period
Roughly right  4      within a reasonable margin, or right in order of magnitude and trend
Overstated     2      the evidence points to a clearly smaller figure
Understated    2      the evidence points to a clearly larger figure
Outdated       2      once right, but stated as current long after newer figures replaced it
Misattributed  1      the figure exists, but not from the source it is credited to
Unsupported    1      no evidence for the figure could be found
=============  =====  ===========================================================================

On import the label decides (``ratings.toml``, our own labels included); a number is read only
on a scale known to run from false to true, since a fact-checker's 1-6 may number its labels in
any order. Imported reviews keep and re-export the fact-checker's label, value and scale.
"""

from reviews.claimreview.importing import (
    ItemResult,
    ItemStatus,
    claimreview_import,
    claimreview_item_import,
    claimreviews_import,
)
from reviews.claimreview.publishing import (
    claim_reviewed_text,
    claimreview_document,
    claimreview_feed,
    fact_check_path,
    published_reviews,
)
from reviews.claimreview.ratings import verdict_for_rating
from reviews.claimreview.reading import (
    NoClaimReview,
    claimreview_items,
    claimreview_items_in_html,
)

__all__ = [
    "ItemResult",
    "ItemStatus",
    "NoClaimReview",
    "claim_reviewed_text",
    "claimreview_document",
    "claimreview_feed",
    "claimreview_import",
    "claimreview_item_import",
    "claimreview_items",
    "claimreview_items_in_html",
    "claimreviews_import",
    "fact_check_path",
    "published_reviews",
    "verdict_for_rating",
]
