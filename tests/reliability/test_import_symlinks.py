"""Finding 11: import_articles does not follow symbolic links inside folders."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import Article

STORY = "Refugee returns slow in the north\nMarch 3, 2024\nAbout 12,000 families returned.\n"
OUTSIDE = "A private file outside the folder\nMarch 3, 2024\nIts 4,000 secrets stay out.\n"


@pytest.mark.django_db
def test_links_inside_a_folder_are_reported_on_one_line_and_not_followed(tmp_path):
    folder, elsewhere = tmp_path / "articles", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (elsewhere / "private.txt").write_text(OUTSIDE, encoding="utf-8")
    (folder / "link.txt").symlink_to(elsewhere / "private.txt")
    (folder / "linked-folder").symlink_to(elsewhere, target_is_directory=True)
    out = StringIO()
    with pytest.raises(CommandError, match="skipped"):
        call_command("import_articles", str(folder), "--no-extract", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line for line in lines if "symbolic link" in line] == [
        f"skipped {folder / 'link.txt'}: a symbolic link inside a folder is not followed",
        f"skipped {folder / 'linked-folder'}: a symbolic link inside a folder is not followed",
    ]
    assert list(Article.objects.values_list("title", flat=True)) == [STORY.splitlines()[0]]
