"""The import-linter contracts (pyproject.toml) cover what they claim to: checked by `make lint`,
they only guard the modules they name."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return {contract["name"]: contract for contract in config["contracts"]}


def test_the_core_is_forbidden_every_module_of_claims_outside_it():
    (core,) = [c for c in contracts().values() if c.get("source_modules") == ["claims.core"]]
    outside = {
        f"claims.{path.stem}"
        for path in (ROOT / "claims").iterdir()
        if path.name not in ("core", "__init__.py", "__pycache__", "static", "templates")
        and (path.suffix == ".py" or (path / "__init__.py").exists())
    }
    missing = outside - set(core["forbidden_modules"])
    assert not missing, f"add these to the core contract in pyproject.toml: {sorted(missing)}"


def test_every_app_is_in_the_layers():
    (layers,) = [
        c for c in contracts().values() if c.get("containers") is None and c["type"] == "layers"
    ]
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert apps <= set(layers["layers"])


def test_no_module_of_sources_names_the_claims_app():
    """sources is the lowest app: it neither imports claims (nor anything above it) nor speaks of
    claims in its code, messages or comments; only the project package claims_project."""
    named = []
    for path in (ROOT / "sources").rglob("*"):
        if "migrations" in path.parts or path.suffix not in (".py", ".html", ".txt", ".toml"):
            continue
        text = path.read_text(encoding="utf-8").replace("claims_project", "")
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(r"claim|\breviews\b|\bfixtures\b", line, re.IGNORECASE):
                named.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not named, "sources names an app above it:\n" + "\n".join(named)
