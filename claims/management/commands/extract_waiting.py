from django.core.management.base import BaseCommand

from claims.services import article_extract, extraction_enqueue
from sources.models import Article


class Command(BaseCommand):
    help = (
        "Pick up the articles whose extraction waited because the task queue was unreachable: "
        "queue them again, or with --here run the extraction in this process."
    )

    def add_arguments(self, parser):
        parser.add_argument("--here", action="store_true", help="extract now, in this process")
        parser.add_argument("--include-failed", action="store_true", help="retry failed ones too")

    def handle(self, *args, **options):
        statuses = [Article.ExtractionStatus.WAITING]
        if options["include_failed"]:
            statuses.append(Article.ExtractionStatus.FAILED)
        ids = list(
            Article.objects.filter(extraction_status__in=statuses)
            .order_by("id")
            .values_list("id", flat=True)
        )
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
        still = Article.objects.filter(
            pk__in=ids, extraction_status=Article.ExtractionStatus.WAITING
        ).count()
        if still:
            self.stdout.write(
                self.style.WARNING(f"the task queue is still unreachable: {still} still waiting")
            )
        else:
            self.stdout.write(f"queued {len(ids)} article(s) for extraction")
