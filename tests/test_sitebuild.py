"""The Sphinx extension's clean-up of the published site."""

from __future__ import annotations

from pathlib import Path

from exercises.sitebuild import drop_source_maps


def test_source_maps_and_the_comments_naming_them_are_dropped(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "theme.js").write_text("var a = 1;\n//# sourceMappingURL=theme.js.map\n", encoding="utf-8")
    (scripts / "theme.js.map").write_text("{}", encoding="utf-8")
    (tmp_path / "theme.css").write_text("a{color:red}\n/*# sourceMappingURL=theme.css.map */", encoding="utf-8")
    (tmp_path / "theme.css.map").write_text("{}", encoding="utf-8")
    (tmp_path / "plain.js").write_text("var sourceMappingURL = 'kept';\n", encoding="utf-8")

    assert drop_source_maps(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["plain.js", "theme.css", "theme.js"]
    assert (scripts / "theme.js").read_text(encoding="utf-8") == "var a = 1;\n"
    assert (tmp_path / "theme.css").read_text(encoding="utf-8") == "a{color:red}\n"
    assert (tmp_path / "plain.js").read_text(encoding="utf-8") == "var sourceMappingURL = 'kept';\n"
