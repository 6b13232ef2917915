"""Which date belongs to what: roles of date phrases, a claim's event date, a report's.

``expression_role`` reads whether a phrase dates an event, a statement, a dateline or
background; ``event_date_for`` and ``main_event_date`` pick among resolved phrases with
it. Apart from phrase finding and resolution because these are heuristics over sentences
and paragraphs (word lists of event and reporting verbs, kept in data/lexicon/dates.yaml), tuned on
the evaluation set.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from counterclaim.dates.expressions import DateExpression, date_expressions
from counterclaim.dates.resolution import DateValue, resolve_expression
from counterclaim.dates.years import parse_date_line
from counterclaim.lexicon import load_data

MAIN_EVENT_MAX_DAYS = 3  # wider ranges ("last week") never stand for a report's main event
LEAD_PARAGRAPHS = 3
LEAD_MAX_AGE_DAYS = 45  # a lead's date older than this is background, not the news
RECENT_MAX_AGE_DAYS = 10  # the same for dates found after the lead
# A lead that names the day of its event ("the killings took place on Feb. 25") may report
# it months later, when an inquiry or a report comes out.
LEAD_EXPLICIT_MAX_AGE_DAYS = 120
STATED_RANGE_MAX_DAYS = 31  # "from 1 to 20 July" is the event's span, however wide


# -- which date belongs to what --------------------------------------------------------------
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The word lists are data (data/lexicon/dates.yaml, which documents each one)
_LEXICON = load_data("lexicon/dates.yaml")
_ABBREVIATIONS = _words(_LEXICON["abbreviations"])
_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[,;:\"“”]")
# Words that neither tie a date to a verb nor loosen the tie: distance skips them.
_FILLERS = _words(_LEXICON["fillers"])
# Clause breaks: a verb beyond one of these governs the date less (cost in words).
_BARRIERS: dict[str, int] = dict(_LEXICON["barriers"])
_REPORT_WORDS = _words(_LEXICON["report_words"])
_REPORT_PREFIXES = tuple(sorted(_words(_LEXICON["report_prefixes"])))
_EVENT_WORDS = _words(_LEXICON["event_words"])
_EVENT_PREFIXES = tuple(sorted(_words(_LEXICON["event_prefixes"])))
_AFTERMATH_PREFIXES = tuple(sorted(_words(_LEXICON["aftermath_prefixes"])))
_AFTERMATH_WORDS = _words(_LEXICON["aftermath_words"])  # whole words: not "vigilantes"
_NOT_EVENT = _words(_LEXICON["not_event"])
_NOT_REPORT = _words(_LEXICON["not_report"])
_BACKGROUND_BEFORE = _words("since until till from between ahead")
_NAMED_AFTER = _words(_LEXICON["named_after"])
_DATELINE_AFTER = re.compile(r"\s*\(\s*[A-Za-z][A-Za-z.&' ]{1,20}\)\s*[:–—-]")


_PROPER_NAME = re.compile(r"[A-Z][a-z]")
_INSIDE_REPORT = -1  # the date is in the clause a reporting verb introduces


_DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3},?[ \t]*$")
_DATELINE_CLOSE = re.compile(r"\s*\.?\s*(?:\(|/|[:–—-]|[A-Z]{2,}\b)")


def _is_dateline(text: str, expr: DateExpression) -> bool:
    """ "Abuja, Sept. 23, 2024 (NAN)", "BAMAKO, July 27 /TASS/": a place opening the
    paragraph, the date, then an agency's credit or a dash, is where and when the report was
    filed."""
    line_start = text.rfind("\n", 0, expr.start) + 1
    head = text[line_start : expr.start]
    if head.strip() and not _DATELINE_PLACE.search(head):
        return False
    return bool(head.strip()) and bool(_DATELINE_CLOSE.match(text, expr.end))


# What is released as a statement rather than freed: "released video footage on Monday"
_MEDIA_NOUNS = _words(_LEXICON["media_nouns"])
_DETERMINERS = _words(_LEXICON["determiners"])


def _releases_media(following: list[str]) -> bool:
    words = [t.lower() for t in following[:4] if t.lower() not in _DETERMINERS]
    return bool(words) and words[0] in _MEDIA_NOUNS


def _is_report(word: str) -> bool:
    if word == "released_media":
        return True
    if word in _NOT_REPORT:
        return False
    return word in _REPORT_WORDS or word.startswith(_REPORT_PREFIXES)


def _is_event(word: str) -> bool:
    return word not in _NOT_EVENT and (word in _EVENT_WORDS or word.startswith(_EVENT_PREFIXES))


# Resolution asks for a document's sentences while resolving it, incident grouping asks
# again later for many documents: keep more than a batch (64 documents by default).
@lru_cache(maxsize=256)
def _sentence_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    for m in _SENTENCE_BREAK.finditer(text):
        if "\n" not in m.group(0):
            word = text[max(0, m.start() - 12) : m.start()].split()
            last = word[-1].rstrip(".!?\"”’')]").lower() if word else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        starts.append(m.end())
    return tuple(starts)


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Start and end offsets of the sentence(s) covering text[start:end]."""
    starts = _sentence_starts(text)
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, (end or start + 1) - 1)) - 1
    stop = starts[last + 1] if last + 1 < len(starts) else len(text)
    return starts[first], stop


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    stop = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if stop < 0 else stop


def _nearest_cues(
    tokens: list[str], comma: int = 1, *, leftwards: bool = False
) -> tuple[int | None, int | None, int | None]:
    """Distance (in content words and clause breaks) to the nearest event, report and
    aftermath word ("buried", "funeral").

    Read ``leftwards``, a "that" closes the search for a report word: in "the army said that
    troops had on Sept. 22 repelled an attack" the date is inside what was said.
    """
    event = report = aftermath = None
    cost = 0
    reported_clause = False
    for index, token in enumerate(tokens):
        word = token.lower()
        if word in ("released", "releasing"):
            # "released a statement" is a report; "released 390 prisoners" ties a date to
            # nothing (measured: as an event word it moved dates off the event more often)
            following = tokens[index - 1 :: -1] if leftwards and index else tokens[index + 1 :]
            if leftwards and not index:
                following = []
            word = "released_media" if _releases_media(following) else word
        if word in _BARRIERS:
            cost += comma if word == "," else _BARRIERS[word]
            reported_clause |= leftwards and word == "that" and report is None
            continue
        if reported_clause and report is None and _is_report(word):
            report = _INSIDE_REPORT
            continue
        if event is None and _is_event(word):
            event = cost
        if report is None and _is_report(word):
            report = cost
        if aftermath is None and (word in _AFTERMATH_WORDS or word.startswith(_AFTERMATH_PREFIXES)):
            aftermath = cost
        if (event is not None and report is not None) or cost > 30:
            break
        if word not in _FILLERS and not _PROPER_NAME.match(token):
            cost += 1  # a place's or a person's name does not distance a verb from its date
    return event, report, aftermath


def _described_day(left: list[str], expr: DateExpression) -> bool:
    """An indefinite article right before a named day, or before one word that describes it
    ("a black Christmas day"), not before an event the day dates ("an attack on Tuesday")."""
    if expr.kind not in ("holiday", "weekday"):
        return False
    if expr.surface.split()[0].lower() in ("on", "in", "at", "during", "since", "by"):
        return False
    if left and left[-1].lower() in ("a", "an"):
        return True
    return (
        len(left) >= 2
        and left[-2].lower() in ("a", "an")
        and left[-1].islower()
        and not _is_event(left[-1].lower())
    )


def _names_a_past_event(left: list[str], right_text: str) -> bool:
    """A date before an event noun, after "the", in a phrase that describes people by that
    event ("suspects linked to the March 22 attack"): the event's name, not a date of the
    claim's."""
    right = _TOKEN.findall(right_text[:30])
    if not left or left[-1].lower() != "the" or not right or not _is_event(right[0].lower()):
        return False
    return any(w.lower() in _NAMED_AFTER for w in left[-6:-1])


_INSET_CLAUSE = re.compile(r",\s+(?:where|which|who|whom|whose)\b[^,]*,")


@lru_cache(maxsize=1024)  # every claim of a paragraph asks about the same phrases
def expression_role(text: str, expr: DateExpression) -> str:
    """What a date phrase qualifies in its sentence.

    "event" (an attack, killing, clash...), "statement" (said, announced, claimed...),
    "dateline" (the "July 10 (UPI) --" opening), "background" ("since Saturday", "until
    Monday"), or "other" when the sentence names neither. A phrase as close to a reporting
    verb as to an event word belongs to the statement (ANNOTATION.md: a date that could
    belong to either is the statement's), unless it is possessive or adjectival before the
    event noun ("Saturday's attack", "an overnight strike").
    """
    after = text[expr.end : expr.end + 40]
    if expr.kind == "explicit" and _DATELINE_AFTER.match(after):
        return "dateline"
    if expr.kind == "explicit" and _is_dateline(text, expr):
        return "dateline"
    s0, s1 = sentence_bounds(text, expr.start, expr.end)
    left = _TOKEN.findall(text[s0 : expr.start])
    right_text = text[expr.end : s1]
    # "deaths from Friday's bombing": a possessive date names an event, not a range's end
    owns = bool(re.match(r"['’]s\b", right_text)) or expr.surface.endswith(("'s", "’s"))
    if (left and left[-1].lower() in _BACKGROUND_BEFORE and not owns) or _since_day(text, expr):
        return "background"
    if expr.kind != "explicit" and _described_day(left, expr):
        # "it was a black Christmas day", "on a Monday": a day described, not dated
        return "background"
    if _names_a_past_event(left, right_text):
        # "eliminated a commander responsible for the October 7 massacre"
        return "background"
    if _AFTER_DAYS_OF.match(right_text):
        # "held Friday after two days of fighting": the fighting has a date of its own (the
        # phrase after), so the words beyond do not say what Friday dates
        right_text = ""
    possessive = bool(re.match(r"['’]s\b", right_text)) or expr.surface.endswith(("'s", "’s"))
    if possessive and right_text[:2] in ("'s", "’s"):
        right_text = right_text[2:]
    right = _TOKEN.findall(right_text)
    adjectival = possessive or expr.surface.lower() in ("overnight", "last night's")
    if adjectival and right and _is_event(right[0].lower()):
        return "event"
    # "hit a monastery in X village, where families were sheltering, on Tuesday": a clause
    # set off between commas that describes what came before does not part the date from
    # the verb before it
    clause_free = _TOKEN.findall(_INSET_CLAUSE.sub(" ", text[s0 : expr.start]))
    ev_left, rp_left, after_left = _nearest_cues(clause_free[::-1], leftwards=True)
    if rp_left == _INSIDE_REPORT:
        rp_left = None
    # "killed 20 in Rafah on Saturday, the ministry said": an attribution after a comma
    # closes the clause the date belongs to, unless the date opens the sentence.
    opens_sentence = all(t.lower() in _FILLERS for t in left)
    if opens_sentence and right_text.lstrip().startswith(","):
        # "On Saturday, 307 servicemen came home, according to the ministry": an opening
        # date belongs to the clause it opens, which here reports nothing
        clause = _opening_clause(right_text.lstrip()[1:])
        if clause and not any(_is_report(t.lower()) for t in clause):
            return "event"
    ev_right, rp_right, after_right = _nearest_cues(right, comma=1 if opens_sentence else 3)
    events = [d for d in (ev_left, ev_right) if d is not None]
    reports = [d for d in (rp_left, rp_right) if d is not None]
    aftermath = [d for d in (after_left, after_right) if d is not None]
    if aftermath and min(aftermath) < min(events, default=99):
        # "the villagers killed in the raid were buried on Thursday": the burial's day
        return "background"
    if not events and not reports:
        return "other"
    if not reports:
        return "event"
    if not events:
        return "statement"
    return "event" if min(events) < min(reports) else "statement"


def _resolve_in_sentence(
    expr: DateExpression, published: date | None, text: str
) -> DateValue | None:
    """A phrase's days; "overnight" runs into the day its sentence names ("seized a cafe
    overnight [...] a standoff that ended Saturday morning": Friday/Saturday), else into D."""
    if not (expr.kind == "relative" and expr.surface.lower() == "overnight"):
        return resolve_expression(expr, published, text=text)
    s0, s1 = sentence_bounds(text, expr.start, expr.end)
    for other in date_expressions(text):
        if s0 <= other.start < s1 and other.kind in ("weekday", "weekday_date", "explicit"):
            day = resolve_expression(other, published, text=text)
            if day is not None and day.days == 1:
                return DateValue(day.start - timedelta(days=1), day.start)
    return resolve_expression(expr, published, text=text)


def _opening_clause(rest: str) -> list[str]:
    """The clause a sentence-opening date opens, its subject's apposition skipped: in "On
    Saturday, Jerome Niyonzima, the government's spokesman, told the press that..." it is
    the one that tells, not the name."""
    chunks = re.split(r"[,;.]", rest)
    clause: list[str] = []
    for number, chunk in enumerate(chunks[:4]):
        words = _TOKEN.findall(chunk)
        clause += words
        if number == len(chunks) - 1 or any(
            _is_report(w.lower()) or _is_event(w.lower()) for w in words
        ):
            break
        named = words and all(_PROPER_NAME.match(w) for w in words)
        described = number > 0 and words and words[0].lower() in _DETERMINERS
        if not (named or described):
            break
    return clause


def event_date_for(
    span_start: int,
    span_end: int,
    text: str,
    published: date | None,
    *,
    default: str | None = None,
    focus: int | None = None,
) -> str | None:
    """The event date (ISO day or range) of a claim whose evidence is text[span_start:span_end].

    In order: a date phrase of the evidence's sentence that qualifies the event (or nothing
    in particular), the one nearest the evidence; the nearest event date before the evidence
    in its paragraph; ``default`` (the report's main event date); last, the date of the
    statement that carries the claim ("X said on Sunday that 100 were killed"), but only when
    nothing else dates the event. An event cannot come after the statement that reports it,
    so a candidate later than the sentence's statement date is passed over, and a statement
    dated before the default with nothing else to go on gives None. Of several dates inside
    the evidence, the one nearest ``focus`` (where the claim's own figure stands: "exchanged
    307 on Saturday, after 390 were freed on Friday"), else nearest its words of what befell
    people.
    """
    published = written_date(text, published) if published else dateline_date(text)
    s0, s1 = sentence_bounds(text, span_start, span_end)
    p0, _ = _paragraph_bounds(text, span_start)
    statement: DateValue | None = None
    statement_distance = 0
    in_sentence: list[tuple[int, int, DateValue]] = []
    # where the claim's figure stands, or else the evidence's words of what befell people
    outcomes = [focus] if focus is not None else _outcome_positions(text, span_start, span_end)
    widths: list[DateValue] = []  # "last week", "earlier this month" in the sentence
    before: list[DateValue] = []
    for expr in date_expressions(text):
        if expr.end <= p0 or expr.start >= s1:
            continue
        wide = _too_wide(expr)
        if wide and expr.start < s0:
            continue  # "last week" dates its own sentence at most
        role = expression_role(text, expr)
        since = role == "background" and _since_day(text, expr) and published is not None
        if role == "dateline" or (role == "background" and not since):
            continue
        value = _resolve_in_sentence(expr, published, text)
        if value is None:
            continue
        offset = _DAYS_FROM.search(text, max(0, expr.start - 30), expr.start)
        if offset is not None:
            # "a day after the Monday ambush": the event is counted from that day
            days = _NUMBER_WORDS.get(offset.group("n").lower()) or int(offset.group("n"))
            step = timedelta(days=days if offset.group("dir").lower() == "after" else -days)
            value = DateValue(value.start + step, value.end + step)
            role = "event" if role in ("other", "statement") else role
        if since and published is not None and expr.start >= s0:
            # "80 killed since Thursday": from that day to the report's
            value, role = DateValue(value.start, max(value.start, published)), "event"
        elif since:
            continue
        if expr.start >= s0:
            distance = max(span_start - expr.end, expr.start - span_end, 0)
            if role == "statement":
                if not wide and (statement is None or distance < statement_distance):
                    statement, statement_distance = value, distance
            elif wide:
                widths.append(value)
            else:
                # dates inside the evidence: the one nearest its casualty word ("held Friday
                # after a day of clashes that killed 40": the clashes' day, not Friday)
                near = min((abs(expr.start - pos) for pos in outcomes), default=0)
                in_sentence.append((distance, near if distance == 0 else 0, value))
        elif role == "event" and expr.end <= span_start:
            before.append(value)

    def fits(value: DateValue) -> bool:
        limit = statement.end if statement else published
        return limit is None or value.start <= limit + timedelta(days=0 if statement else 1)

    for _, _, value in sorted(in_sentence, key=lambda item: item[:2]):
        if fits(value):
            return _risen_toll(value, text[s0:s1], statement or published).iso()
    # "last week" in the sentence bounds the event: a day found around it that falls within
    # says when exactly, else the week it is
    wide = next((value for value in widths if fits(value)), None)
    for value in reversed(before):
        if fits(value) and (wide is None or wide.contains(value)):
            return value.iso()
    parsed = DateValue.parse(default) if default is not None else None
    if wide is not None and (parsed is None or not wide.contains(parsed)):
        return wide.iso()
    if default is not None:
        if parsed is None or statement is None or fits(parsed):
            return default
        return None
    return statement.iso() if statement else None


_NUMBER_WORDS: dict[str, int] = _LEXICON["number_words"]
_AFTER_DAYS_OF = re.compile(
    r"\s*,?\s*(?:following|after)\s+\S+\s+(?:full\s+)?(?:days?|night)\s+of\b", re.I
)
_OUTCOME = re.compile(
    r"\b(?:" + "|".join(sorted(_LEXICON["outcome_prefixes"].split())) + r")", re.IGNORECASE
)


def _outcome_positions(text: str, start: int, end: int) -> list[int]:
    """Where the evidence names what happened to people (killed, wounded, abducted...)."""
    return [m.start() for m in _OUTCOME.finditer(text, start, end)]


_DAYS_FROM = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|\d)\s+days?\s+(?P<dir>after|before)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _since_day(text: str, expr: DateExpression) -> bool:
    """ "since Sunday", "since March 3": a range up to the report, for a named day only."""
    if expr.kind not in ("weekday", "explicit", "weekday_date", "holiday"):
        return False
    return bool(_SINCE_BEFORE.search(text, max(0, expr.start - 80), expr.start))


# "since Sunday", "since midnight on Aug. 14", "since a state of emergency began on Monday",
# "since the offensive was launched on Oct. 7": a toll counted from the day a named thing began
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:(?:midnight|dawn|noon|daybreak|the\s+\w+\s+of)\s+"
    r"|(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){1,5}?(?:began|started|erupted|broke\s+out"
    r"|(?:was|were)\s+(?:launched|declared|imposed))\s+(?:on\s+)?)?$",
    re.I,
)


def _too_wide(expr: DateExpression) -> bool:
    """A week, a month or a year ("last week", "in April 2015", "in 2013"); a weekend is
    two days, as narrow as "overnight", and can be the date of an attack."""
    if expr.kind == "explicit":
        return expr.unit in ("month", "year")
    return expr.kind == "relative" and expr.unit in ("week", "month")


# A photo's caption, by its credit: "© ...", "REUTERS/Name", "(Defence Ministry/AFP)" closing it
_CAPTION = re.compile(
    r"©|\bPhoto:|\bImage:|\bFile photo|Getty Images|\bAlamy\b|\bREUTERS/|\bAFP/|\bAP Photo"
    r"|\([^()\n]{2,60}/[^()\n]{2,40}\)\s*$",
    re.IGNORECASE,
)
# Every alternative of _CAPTION contains one of these (lower-cased; none has an "i" or an
# "s", which IGNORECASE also matches in "İ" and "ſ" but lower() keeps apart). The pattern is
# tried at every position of every prose line, which made it the costliest step here.
_CAPTION_MARKS = ("©", "/")
_CAPTION_WORDS = ("photo", "mage", "alamy")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s|$)")


def _is_caption(line: str) -> bool:
    lowered = line.lower()
    if not any(mark in line for mark in _CAPTION_MARKS) and not any(
        word in lowered for word in _CAPTION_WORDS
    ):
        return False
    return bool(_CAPTION.search(line))


def _prose_paragraphs(text: str, body_start: int) -> list[tuple[int, int]]:
    """Offsets of the body's paragraphs of running text (no headings, date lines, captions)."""
    found = []
    pos = body_start
    for line in text[body_start:].split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if len(stripped.split()) < 8 or not _SENTENCE_END.search(stripped):
            continue
        if _is_caption(stripped) or parse_date_line(stripped):
            continue
        found.append((start, start + len(line)))
    return found


def main_event_date(text: str, published: date | None, *, body_start: int = 0) -> str | None:
    """The date (ISO day or range) of the main event a report is about.

    The first date phrase of the body's first ``LEAD_PARAGRAPHS`` prose paragraphs that
    qualifies an event; else the first one there that dates the statement of it ("said on
    Saturday (Jan 31)") or nothing in particular; else the same two searches over the rest
    of the body, counting only dates of the last ``RECENT_MAX_AGE_DAYS`` days. Ranges wider
    than ``MAIN_EVENT_MAX_DAYS`` ("last week") and dates older than ``LEAD_MAX_AGE_DAYS``
    are background. Without a publication date only the lead is read, and only phrases that
    carry or imply a year resolve. Of several event dates in one sentence the one nearest a
    casualty word wins; fighting said to have broken out a few days before runs from then;
    a text that names no day at all is the news of its publication date. Weekdays count from
    the day the report was written (``written_date``) when a byline's date line precedes D.
    """
    if published is None:
        published = dateline_date(text, body_start=body_start)
    else:
        published = written_date(text, published, body_start=body_start)
    paragraphs = _prose_paragraphs(text, body_start)
    lead_end = paragraphs[min(LEAD_PARAGRAPHS, len(paragraphs)) - 1][1] if paragraphs else 0
    tiers: list[list[tuple[int, DateValue, DateExpression]]] = [[], [], [], []]
    expressions = date_expressions(text)
    for p_start, p_end in paragraphs:
        for expr in expressions:
            if expr.start < p_start or expr.end > p_end or _too_wide(expr):
                continue
            role = expression_role(text, expr)
            since = role == "background" and expr.kind == "weekday" and _since_day(text, expr)
            if role == "dateline" or (role == "background" and not since):
                continue
            value = resolve_expression(expr, published, text=text)
            stated = expr.until is not None  # "from 16-20 July": the text gives the span
            if since and value is not None and published is not None:
                # "killed since last Sunday": a toll from that day to the report's
                value, role, stated = (
                    DateValue(value.start, max(value.start, published)),
                    "event",
                    True,
                )
            if value is None or value.days > (
                STATED_RANGE_MAX_DAYS if stated else MAIN_EVENT_MAX_DAYS
            ):
                continue
            in_lead = p_end <= lead_end
            if not in_lead and published is None:
                continue  # without D nothing tells news from history after the lead
            max_age = LEAD_MAX_AGE_DAYS if in_lead else RECENT_MAX_AGE_DAYS
            if in_lead and role == "event" and expr.kind == "explicit":
                max_age = LEAD_EXPLICIT_MAX_AGE_DAYS
            if not _recent(value, published, max_age):
                continue
            tier = (0 if role == "event" else 1) + (0 if in_lead else 2)
            tiers[tier].append((expr.start, value, expr))
    if not tiers[0] and tiers[1]:
        # The lead says only when it was said ("an official said Wednesday"); a day the body
        # names for the event, on or before that ("Tuesday's strikes"), is when it happened.
        said = min(tiers[1], key=lambda item: item[0])[1]
        named = [
            item
            for item in tiers[2]
            if item[2].kind != "relative" and item[1].days == 1 and item[1].end <= said.end
        ]
        if named:
            return min(named, key=lambda item: item[0])[1].iso()
    for number, tier in enumerate(tiers):
        if tier:
            _, chosen, expr = _lead_choice(text, tier)
            if number in (0, 2) and expr.kind == "relative":
                # a statement's date ("said on Saturday") and a named day stay as they are
                chosen = _widest_container(chosen, tiers[0] + tiers[2])
            if number in (0, 2):
                chosen = _from_outbreak(text, chosen, published)
            return chosen.iso()
    if published is not None and not any(e.start >= body_start for e in expressions):
        # a report that names no day at all reports the news of the day it came out
        return published.isoformat()
    return None


OUTBREAK_MAX_DAYS = 3  # fighting that began longer before its deadliest day is a war's history
_BEGAN_BEFORE = re.compile(
    r"\b(?:erupted|broke\s+out|flared(?:\s+up)?|began|started)\s+(?:(?:early|late)\s+)?$", re.I
)
_OUTBREAK_SUBJECT = re.compile(
    r"\b(?:fighting|clash(?:es)?|conflict|hostilities|violence|battle|skirmish(?:es)?)\b", re.I
)


def _from_outbreak(text: str, chosen: DateValue, published: date | None) -> DateValue:
    """ "The latest conflict erupted Wednesday": fighting the report says broke out a day or
    a few before the day of its main event runs from that day (a clash over several days)."""
    for expr in date_expressions(text):
        if expr.kind not in ("weekday", "weekday_date", "explicit") or expr.until is not None:
            continue
        s0, _ = sentence_bounds(text, expr.start)
        before = text[max(s0, expr.start - 60) : expr.start]
        if not _BEGAN_BEFORE.search(before) or not _OUTBREAK_SUBJECT.search(before):
            continue
        began = resolve_expression(expr, published, text=text)
        if began is None or began.days != 1:
            continue
        if chosen.start - timedelta(days=OUTBREAK_MAX_DAYS) <= began.start < chosen.start:
            return DateValue(began.start, chosen.end)
    return chosen


def _lead_choice(
    text: str, tier: list[tuple[int, DateValue, DateExpression]]
) -> tuple[int, DateValue, DateExpression]:
    """The first date of a tier; of several in its sentence, the one nearest a casualty word:
    "Skirmishes went on Friday despite a truce following a day of clashes that killed 20"
    reports the clashes' day, the day people died, not Friday's skirmishes."""
    first = min(tier, key=lambda item: item[0])
    s0, s1 = sentence_bounds(text, first[0])
    same = [item for item in tier if s0 <= item[0] < s1]
    outcomes = _outcome_positions(text, s0, s1)
    if len(same) < 2 or not outcomes:
        return first

    def distance(item: tuple[int, DateValue, DateExpression]) -> int:
        expr = item[2]
        return min(max(pos - expr.end, expr.start - pos, 0) for pos in outcomes)

    return min(same, key=lambda item: (distance(item), item[0]))


def _widest_container(
    chosen: DateValue, events: list[tuple[int, DateValue, DateExpression]]
) -> DateValue:
    """The incident a lead's "today" belongs to: "earlier today, forces took 19 posts"
    updates a story whose fighting began "overnight"; a relative event date of the same story
    that spans the chosen day and begins before it dates the incident from its beginning."""
    containers = [
        v
        for _, v, e in events
        if e.kind == "relative" and v.start < chosen.start and v.contains(chosen)
    ]
    return max(containers, key=lambda v: v.days, default=chosen)


def _recent(value: DateValue, published: date | None, max_age_days: int) -> bool:
    if published is None:
        return True
    return value.start >= published - timedelta(
        days=max_age_days
    ) and value.start <= published + timedelta(days=1)


DATELINE_MAX_OFFSET = 600  # a dateline opens the report: its first few lines


def dateline_date(text: str, *, body_start: int = 0) -> date | None:
    """The day of a dateline that names its year or lets the text tell it ("Bamako, July 27,
    2024 (Reuters) -", "ABUJA, Sept. 23 (NAN) -"), for a report with no publication date:
    its weekdays and "yesterday" count from the day it was filed."""
    for expr in date_expressions(text):
        if expr.start < body_start:
            continue
        if expr.start > body_start + DATELINE_MAX_OFFSET:
            break
        if expr.kind == "explicit" and expression_role(text, expr) == "dateline":
            value = resolve_expression(expr, None, text=text)
            return value.start if value is not None and value.days == 1 else None
    return None


WRITTEN_MAX_DAYS = 14  # a copy put online later than this is dated by its own page
WRITTEN_MAX_OFFSET = 1500  # the date line under a byline is among the first lines


@lru_cache(maxsize=64)
def written_date(text: str, published: date, *, body_start: int = 0) -> date:
    """The day the report was written, when a date line under its title or byline ("By
    Xinhua / December 25, 2023") is a few days before the page's publication date: a copy
    put online later counts "Friday night" from the day it was written. Otherwise D."""
    for line in text[body_start : body_start + WRITTEN_MAX_OFFSET].split("\n"):
        day = parse_date_line(line.strip())
        if day is not None and published - timedelta(days=WRITTEN_MAX_DAYS) <= day < published:
            return day
    return published


_TOLL_RISEN = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+)?(?:risen|climbed|increased|grown|jumped|reached)\s+to\b"
    r"|\b(?:rose|climbed|increased|grew|jumped)\s+to\b",
    re.IGNORECASE,
)
TOLL_RISEN_MAX_DAYS = 7


def _risen_toll(value: DateValue, sentence: str, until: DateValue | date | None) -> DateValue:
    """ "The toll of the March 22 attack has risen to 143, officials said on Saturday": the
    count is of the deaths from the attack's day to the day it was given."""
    if until is None or not _TOLL_RISEN.search(sentence):
        return value
    last = until.end if isinstance(until, DateValue) else until
    if value.end < last and (last - value.start).days <= TOLL_RISEN_MAX_DAYS:
        return DateValue(value.start, last)
    return value
