"""The real A&E data and the numbers Day 5's page on it teaches: control limits, signals, RAG counts, funnel.

Each figure is recomputed here with plain pandas from the vendored CSV, then compared
with what ``exercises.lessons.ae`` gives the notebook.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from exercises import data
from exercises.lessons import ae, spc
from tests.conftest import REPO


@pytest.fixture(scope="module")
def attendances() -> pd.DataFrame:
    return data.load("nhs_ae_attendances")


@pytest.fixture(scope="module")
def analysis(attendances: pd.DataFrame) -> ae.Analysis:
    return ae.analyse(attendances)


def test_the_vendored_file_is_the_published_copy_and_has_its_licence() -> None:
    about = data.info("nhs_ae_attendances")
    assert not about.synthetic
    assert "Open Government Licence" in about.licence
    raw = pd.read_csv(REPO / "datasets" / "nhs" / "ae_attendances_2016_2019.csv")
    assert len(raw) == 12_765
    assert raw["org_code"].nunique() == 274
    assert (raw["period"].min(), raw["period"].max()) == ("2016-04-01", "2019-03-01")
    readme = (REPO / "datasets" / "nhs" / "README.md").read_text(encoding="utf-8")
    assert "Contains public sector information licensed under the Open Government Licence v3.0." in readme


def test_monthly_performance_is_one_minus_breaches_over_attendances(attendances: pd.DataFrame) -> None:
    raw = pd.read_csv(REPO / "datasets" / "nhs" / "ae_attendances_2016_2019.csv")
    trust = raw[raw["org_code"] == "RQM"].groupby("period")[["attendances", "breaches"]].sum()
    expected = (100 * (1 - trust["breaches"] / trust["attendances"])).tolist()
    months = ae.monthly(attendances, "RQM")
    assert len(months) == 36
    assert months["performance"].tolist() == pytest.approx(expected)
    assert months["performance"].iloc[0] == pytest.approx(94.2, abs=0.05)  # April 2016
    assert months["performance"].min() == pytest.approx(86.8, abs=0.05)  # January 2017


def test_an_unknown_provider_gets_a_plain_message(attendances: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="no A&E rows for the provider 'XXX'"):
        ae.monthly(attendances, "XXX")
    with pytest.raises(ValueError, match="baseline"):
        ae.analyse(attendances, "RQM", baseline_months=40)


def test_the_control_limits_the_page_teaches(analysis: ae.Analysis) -> None:
    limits = analysis.limits
    assert analysis.baseline_months == 12
    assert limits.mean == pytest.approx(92.42, abs=0.005)
    assert limits.mean_moving_range == pytest.approx(1.44, abs=0.005)
    assert (limits.lower, limits.upper) == pytest.approx((88.59, 96.25), abs=0.005)
    assert limits.screened == 0
    # Recomputed by hand from the first twelve months.
    first = analysis.months["performance"].iloc[:12].tolist()
    ranges = [abs(b - a) for a, b in itertools.pairwise(first)]
    assert limits.upper == pytest.approx(sum(first) / 12 + 2.66 * sum(ranges) / 11)


def test_the_signals_the_page_reports(analysis: ae.Analysis) -> None:
    months = ae.rule_months(analysis)
    assert months["outside the limits"] == ["Jan 2017"]
    assert months["shift"][0] == "Jun 2017" and months["shift"][-1] == "Mar 2019"
    assert len(months["shift"]) == 22
    assert months["trend"] == []
    assert analysis.assurance == "hit and miss"
    assert ae.rag_counts(analysis) == {"red": 2, "amber": 20, "green": 14}
    # 2018/19: the RAG rating changes colour five times; SPC calls every month the same.
    recent = ae.rag_and_spc(analysis)
    colours = recent["RAG rating against 95%"].tolist()
    assert sum(a != b for a, b in itertools.pairwise(colours)) == 5
    assert recent["What the SPC chart says"].nunique() == 1
    assert analysis.crossings == 11 and analysis.fewest_crossings == 13


def test_a_trust_that_cannot_meet_the_standard(attendances: pd.DataFrame) -> None:
    kings = ae.analyse(attendances, "RJZ")
    assert kings.assurance == "consistently fail"
    assert kings.limits.upper < ae.STANDARD
    assert ae.rag_counts(kings) == {"red": 36, "amber": 0, "green": 0}


def test_the_funnel_plot_the_page_teaches(attendances: pd.DataFrame) -> None:
    units = ae.funnel_units(attendances)
    raw = pd.read_csv(REPO / "datasets" / "nhs" / "ae_attendances_2016_2019.csv", dtype={"type": str})
    year = raw[(raw["type"] == "1") & raw["period"].between("2018-04-01", "2019-03-01")]
    assert len(units) == year["org_code"].nunique() == 137
    centre = 1 - year["breaches"].sum() / year["attendances"].sum()
    summary = ae.funnel_summary(attendances)
    assert summary["centre"] == pytest.approx(100 * centre)
    assert summary["centre"] == pytest.approx(81.54, abs=0.005)
    assert summary["outside_998_plain"] == 130
    assert summary["tau"] == pytest.approx(6.83, abs=0.005)
    assert summary["outside_95_wide"] == 12
    assert (summary["below_998_wide"], summary["above_998_wide"]) == (2, 0)
    assert summary["meeting_standard"] == 3
    wide = spc.funnel(units, overdispersion=True).units.set_index("unit")
    assert wide.loc["RQM", "proportion"] == pytest.approx(0.930, abs=0.0005)
    assert not wide.loc["RQM", "outside_95"]


def test_april_2018_was_amber_by_one_patient(attendances: pd.DataFrame) -> None:
    months = ae.monthly(attendances)
    april = months[months["period"] == pd.Timestamp("2018-04-01")].iloc[0]
    assert (april["attendances"], april["breaches"]) == (25_715, 1_286)
    assert int(0.05 * april["attendances"]) == 1_285  # the most breaches a green month could have
    assert ae.analyse(attendances).months.loc[april.name, "rag"] == "amber"


def test_the_rebased_limits_and_the_two_in_three_months_the_page_reports(
    attendances: pd.DataFrame, analysis: ae.Analysis
) -> None:
    new = ae.rebased(attendances)
    assert (new.mean, new.lower, new.upper) == pytest.approx((94.78, 92.92, 96.65), abs=0.005)
    assert spc.assurance(new, ae.STANDARD) == "hit and miss"
    near = ae.rule_months(analysis)["two in three near a limit"]
    assert near[:3] == ["May 2016", "Jun 2016", "Jul 2016"] and len(near) == 14
    flagged = [analysis.months["performance"].iloc[i] for i in analysis.rules["two in three near a limit"]]
    assert all(value > analysis.limits.mean for value in flagged)  # "all above the mean"


def test_the_funnel_plot_trusts_are_large(attendances: pd.DataFrame) -> None:
    units = ae.funnel_units(attendances)
    # The page: "every trust here saw at least 17,000 type 1 attendances in the year, and most over 50,000".
    assert units["n"].min() >= 17_000
    assert (units["n"] > 50_000).sum() == 128 > len(units) / 2
