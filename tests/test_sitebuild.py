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


def test_the_exercise_engine_is_added_to_every_page_without_blocking_it() -> None:
    from exercises import sitebuild

    class App:
        def __init__(self) -> None:
            self.scripts: list[tuple[str | None, dict]] = []
            self.styles: list[str] = []

        def add_js_file(self, name: str | None, **options: object) -> None:
            self.scripts.append((name, options))

        def add_css_file(self, name: str, **options: object) -> None:
            self.styles.append(name)

        def connect(self, *args: object, **options: object) -> None:
            pass

    app = App()
    sitebuild.setup(app)
    engine = dict(app.scripts)["academy-exercises.js"]
    assert engine.get("loading_method") == "defer"
    assert "academy-exercises.css" in app.styles
    for name in ("academy-exercises.js", "academy-exercises.css", "academy-calculators.js"):
        assert (sitebuild.STATIC / name).is_file()
