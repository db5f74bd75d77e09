"""group_claims [--apply] [--min-confidence X]"""

import math

from django.core.management.base import BaseCommand, CommandError

from claims.grouping import DEFAULT_MIN_CONFIDENCE, ClaimProposal, claims_group

# Column widths of one proposal line; with the separators the line is at most 100 wide.
WIDTHS = {"id": 4, "figure": 10, "subject": 19, "target": 26}
LINE_WIDTH = 100


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis when longer."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def parse_threshold(value: str) -> float:
    """The --min-confidence value as a float in [0, 1]; CommandError otherwise."""
    try:
        threshold = float(value)
    except ValueError:
        threshold = math.nan
    if not 0 <= threshold <= 1:
        raise CommandError(f"--min-confidence must be a number from 0 to 1, got {value!r}")
    return threshold


class Command(BaseCommand):
    help = (
        "Group ungrouped claims into metrics: each is proposed for the existing metric whose "
        "subject, unit and scope fit best, or for a new metric with the claims it clusters with. "
        "Lines marked * are at or above the threshold; --apply assigns those (and creates the "
        "new metrics they need)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply", action="store_true", help="assign the proposals at the threshold"
        )
        parser.add_argument(
            "--min-confidence",
            default=str(DEFAULT_MIN_CONFIDENCE),
            metavar="X",
            help=f"threshold in [0, 1] (default {DEFAULT_MIN_CONFIDENCE})",
        )

    def handle(self, *args, **options):
        threshold = parse_threshold(options["min_confidence"])
        grouping = claims_group(min_confidence=threshold, apply=options["apply"])
        proposals = grouping.proposals
        if not proposals:
            self.stdout.write("No ungrouped claims.")
            return
        self.stdout.write(self._header())
        for proposal in proposals:
            self.stdout.write(self._line(proposal, threshold))
            if options["verbosity"] > 1:
                self.stdout.write(f"{'':8}{proposal.reason}")
        chosen = grouping.chosen
        self.stdout.write(
            f"{len(proposals)} ungrouped claim(s), {len(chosen)} at or above {threshold:g}."
        )
        if options["apply"]:
            counts = grouping.counts
            self.stdout.write(
                self.style.SUCCESS(
                    f"Applied: {counts.assigned} claim(s) put into existing metrics, "
                    f"{counts.created} new metric(s) created with {counts.grouped} claim(s), "
                    f"{counts.skipped} skipped."
                )
            )

    def _header(self) -> str:
        w = WIDTHS
        return (
            f"  {'id':>{w['id']}} {'figure':<{w['figure']}} {'subject':<{w['subject']}}    "
            f"{'metric (* = at threshold)':<{w['target']}} {'conf':>4} reason"
        )

    def _line(self, proposal: ClaimProposal, threshold: float) -> str:
        w = WIDTHS
        mark = "*" if proposal.confidence >= threshold else " "
        figure = clip(proposal.figure, w["figure"])
        subject = clip(proposal.subject, w["subject"])
        target = clip(proposal.target, w["target"])
        head = (
            f"{mark} {proposal.claim_id:>{w['id']}} {figure:<{w['figure']}} "
            f"{subject:<{w['subject']}} -> {target:<{w['target']}} {proposal.confidence:4.2f} "
        )
        return head + clip(proposal.reason, max(LINE_WIDTH - len(head), 10))
