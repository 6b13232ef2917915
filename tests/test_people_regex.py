"""The spokesperson patterns stay linear in the length of the text.

They once grew with the square of the input: a report followed by 20,000 letters took a
minute. The check is a ratio of times on one machine (10× the text may take at most 30× the
time; the old patterns took 100×), so it holds on a slow or loaded machine.
"""

from __future__ import annotations

import time

import pytest

from counterclaim.actors import KnowledgeBase, spokespersons

REPORT = (
    "Sudanese army spokesman Brigadier General Nabil Abdallah said on Tuesday that troops "
    "repelled an attack on El Obeid. Abdallah said 14 fighters of the RSF were killed. "
)
# Runs that made the old patterns scan to the end of the run from each of its positions.
FILLERS = {
    "lowercase word": "x",
    "capitalised pieces": "X-",
    "role modifiers": "military ",
    "titles": "Gen ",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def best_time(kb: KnowledgeBase, text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        spokespersons(text, kb)
        best = min(best, time.perf_counter() - started)
    return best


def padded(filler: str, size: int) -> str:
    return REPORT + filler * ((size - len(REPORT)) // len(filler))


@pytest.mark.parametrize("filler", FILLERS.values(), ids=FILLERS.keys())
def test_time_grows_linearly(kb: KnowledgeBase, filler: str) -> None:
    spokespersons(REPORT, kb)  # warm the knowledge base's caches
    small = best_time(kb, padded(filler, 2_000), repeats=5)
    medium = best_time(kb, padded(filler, 20_000), repeats=3)
    # A floor of a millisecond keeps timer noise on tiny inputs from deciding the ratio.
    assert medium <= 30 * max(small, 1e-3), (filler, small, medium)
    large = best_time(kb, padded(filler, 200_000), repeats=1)
    assert large <= 30 * max(medium, 1e-3), (filler, medium, large)
    assert large < 60, (filler, large)  # generous: about 2 s on a loaded 2-core machine


def test_long_run_after_report_keeps_its_spokesperson(kb: KnowledgeBase) -> None:
    found = spokespersons(REPORT + "x" * 20_000, kb)
    assert found.get("Nabil Abdallah") == "saf"


@pytest.mark.parametrize(
    ("text", "name", "actor_id"),
    [
        # A chain of titles before the name.
        (
            "The Pakistan Army said the raid was over. The army's spokesman Lt Gen Ahmed "
            "Sharif Chaudhry said 11 militants died in North Waziristan.",
            "Ahmed Sharif Chaudhry",
            "pakistan-army",
        ),
        # A particle inside the name.
        (
            "Houthi military spokesman Yahya bin Saree said two ships were struck off Hodeidah.",
            "Yahya bin Saree",
            "houthis",
        ),
        # Role words between the article and the role noun.
        (
            "Ivan Petrenko, the chief military spokesman of the Armed Forces of Ukraine, said "
            "23 drones were shot down over Kharkiv.",
            "Ivan Petrenko",
            "ukraine-armed-forces",
        ),
        # A hyphenated name after a prefix.
        (
            "RSF spokesperson al-Fateh Qurashi said the paramilitaries held the market in Nyala.",
            "Fateh Qurashi",
            "rsf",
        ),
    ],
)
def test_bounded_patterns_still_read_real_phrasings(
    kb: KnowledgeBase, text: str, name: str, actor_id: str
) -> None:
    assert spokespersons(text, kb).get(name) == actor_id


def test_words_longer_than_any_name_are_not_names(kb: KnowledgeBase) -> None:
    word = "Z" + "q" * 300
    text = f"{word}, spokesperson for the Arakan Army, said the base fell in Rakhine."
    assert word not in spokespersons(text, kb)
