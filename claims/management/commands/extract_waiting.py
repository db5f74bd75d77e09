from django.core.management.base import BaseCommand

from claims.jobs import extraction_enqueue
from claims.models import ArticleExtraction, ExtractionStatus
from claims.selectors import extractions_to_pick_up
from claims.services import article_extract
from sources.models import Article


class Command(BaseCommand):
    help = (
        "Pick up the articles whose extraction waited because the task queue was unreachable, "
        "or went stale (queued or running for longer than CLAIMS_EXTRACTION_STALE_AFTER: its "
        "process died): queue them again, or with --here run the extraction in this process."
    )

    def add_arguments(self, parser):
        parser.add_argument("--here", action="store_true", help="extract now, in this process")
        parser.add_argument("--include-failed", action="store_true", help="retry failed ones too")

    def handle(self, *args, **options):
        ids = extractions_to_pick_up(include_failed=options["include_failed"])
        if not ids:
            self.stdout.write("no article is waiting for extraction")
            return
        if options["here"]:
            created = 0
            for article in Article.objects.filter(pk__in=ids):
                created += article_extract(article=article).created
            self.stdout.write(f"extracted {len(ids)} article(s): {created} new candidate claims")
            return
        extraction_enqueue(article_ids=ids)
        still = ArticleExtraction.objects.filter(
            article_id__in=ids, status=ExtractionStatus.WAITING
        ).count()
        if still:
            self.stdout.write(
                self.style.WARNING(f"the task queue is still unreachable: {still} still waiting")
            )
        else:
            self.stdout.write(f"queued {len(ids)} article(s) for extraction")
