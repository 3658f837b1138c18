"""The reader: an article's text with entities coloured, noise dimmed, search words underlined, a
sentence cursor and a keyboard word selection; a two-cell margin marks the sentences that are a
saved record's evidence (``●``/``▌``) and those a suggestion proposes (``◇``/``┊``). Renders
only the lines on screen (Line API): each line is styled when it is first drawn (entities found
by bisection), words are found around the cursor when it moves, and wrapping takes one slice per
line, so a 10 MB one-paragraph article opens at once and costs no more per keystroke than a
short one.

About 470 lines, one class: the lazy wrapping, the line cache, the margin and the cursor share
their offsets, and splitting them would pass those internals between modules."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import Article, Entity, Taxonomy, markup_marks, sentences

from ..commands import READER, bindings
from ..messages import FocusList
from ..render import MARKUP_STYLE, MATCH_STYLE, NOISE_STYLE, label_style, word_pattern
from ..safe import safe

SENTENCE_STYLE = Style(bgcolor="grey23")
WORD_STYLE = Style(reverse=True)
SELECTION_STYLE = Style(bgcolor="dark_blue", underline=True)
GUTTER = 2  # the margin's cells
MARKS = {  # kind -> (first line, further lines, style)
    "record": ("● ", "▌ ", Style(color="green")),
    "suggestion": ("◇ ", "┊ ", Style(color="#d7af5f", italic=True)),
}
_WORD = re.compile(r"[^\W_]+(?:[.\-'’/][^\W_]+)*\.?")
_WS_WORD = re.compile(r"\S+\s*")
_NONSPACE = re.compile(r"\S")
_WINDOW = 4096  # how far back to look for the start of the word under an offset
_CACHE = 512  # styled lines kept
_EAGER_CHARS = 200_000  # shorter articles are wrapped whole at once (exact scroll bar)
_EAGER_LINES = 400
_SENTENCE_CHUNK = 65_536  # otherwise this many lines ahead of what is shown


@dataclass(slots=True)
class Line:
    start: int
    end: int


def next_break(text: str, pos: int, end: int, width: int) -> int:
    """Where the screen line starting at ``pos`` ends (``end`` when the rest fits): before the
    first word that would pass ``width`` cells, or after ``width`` characters of a longer word."""
    if end - pos <= width:
        rest = text[pos:end]
        if (rest.isascii() and "\t" not in rest) or cell_len(rest.rstrip()) <= width:
            return end
    chunk = text[pos : pos + width + 1]
    if chunk.isascii() and "\t" not in chunk:  # one cell per character: no word walk needed
        if chunk[width].isspace():
            after = _NONSPACE.search(text, pos + width, end)
            return end if after is None else after.start()
        cut = max(chunk.rfind(" ", 0, width), chunk.rfind("\t", 0, width))
        return pos + width if cut < 0 else pos + cut + 1
    for m in _WS_WORD.finditer(text, pos, min(end, pos + 2 * width + 64)):
        if cell_len(text[pos : m.end()].rstrip()) > width:
            return m.start() if m.start() > pos else pos + width
    return end if end <= pos + 2 * width + 64 else pos + width


class Reader(ScrollView, can_focus=True):
    """Shows one article; posts messages up when the reviewer asks for a change."""

    BINDINGS = bindings(READER)
    DEFAULT_CSS = """
    Reader { height: 1fr; padding: 0 1; }
    """

    sentence_index: reactive[int] = reactive(0, init=False)
    hide_noise: reactive[bool] = reactive(False, init=False)

    class SelectionChanged(Message):
        def __init__(self, start: int, end: int, sentence: tuple[int, int]) -> None:
            self.start, self.end, self.sentence = start, end, sentence
            super().__init__()

    def __init__(self, taxonomy: Taxonomy, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.taxonomy = taxonomy
        self.article: Article | None = None
        self.words_to_mark: list[str] = []
        self.hidden_labels: set[str] = set()
        self._text = Text()  # the escaped text, unstyled: lines are styled when drawn
        self._lines: list[Line] = []
        self._starts: list[int] = []
        self._wrap_pos = 0
        self._wrap_done = True
        self._width = 0
        self._sentences: list[tuple[int, int]] = []
        self._sentence_ends: list[int] = []
        self._sent_pos = 0
        self._sent_done = True
        self._entities: list[Entity] = []
        self._entity_starts: list[int] = []
        self._entity_longest = 0
        self._pattern: re.Pattern[str] | None = None
        self._styled: dict[int, Text] = {}
        self._word: tuple[int, int] = (0, 0)  # the word under the cursor
        self.selection_anchor: tuple[int, int] | None = None  # the word where the selection started
        self._marks: list[tuple[int, int, str]] = []  # (start, end, kind) for the margin

    def set_marks(self, marks: list[tuple[int, int, str]]) -> None:
        """The margin's marks: evidence of saved records and of suggestions (kind in MARKS)."""
        marks = sorted(marks)
        if marks != self._marks:
            self._marks = marks
            self.refresh()

    def _mark(self, line: Line) -> Text:
        for start, end, kind in self._marks:
            if start < max(line.end, line.start + 1) and line.start < end:
                first, rest, style = MARKS[kind]
                return Text(first if start >= line.start else rest, style=style)
            if start > line.end:
                break
        return Text(" " * GUTTER)

    # -- content ------------------------------------------------------------------------------

    def show(
        self, article: Article | None, words: list[str] | None = None, keep_cursor: bool = False
    ) -> None:
        same = article is not None and self.article is not None and article.id == self.article.id
        same_text = same and self.article is not None and article is not None and (
            self.article.text is article.text or self.article.text == article.text
        )
        self.article = article
        self.words_to_mark = words or []
        self._pattern = word_pattern(self.words_to_mark)
        self._styled.clear()
        if article is None:
            self._text = Text("No article open. Search on the left and press Enter.", style="dim")
            self._sentences, self._sentence_ends, self._entities, self._entity_starts = [], [], [], []
            self._sent_pos, self._sent_done = 0, True
            self._entity_longest = 0
        else:
            if not same_text:
                self._text = Text(safe(article.text))
                self._sentences, self._sentence_ends = [], []
                self._sent_pos, self._sent_done = 0, False
                self._more_sentences()
            ents = list(article.entities)
            if any(ents[i].start > ents[i + 1].start for i in range(len(ents) - 1)):
                ents.sort(key=lambda e: e.start)
            self._entities = ents
            self._entity_starts = [e.start for e in ents]
            self._entity_longest = max((e.end - e.start for e in ents), default=0)
        if not (keep_cursor and same):
            self.selection_anchor = None
            self.set_reactive(Reader.sentence_index, 0)
            self._word = self._word_at(self._sentences[0][0]) if self._sentences else (0, 0)
            self.scroll_to(0, 0, animate=False)
        else:
            self._word = self._word_at(min(self._word[0], len(self._text.plain)))
        if not (same_text and keep_cursor and self._lines):
            self._relayout()
        else:
            self.refresh()
        self._announce()

    def restyle(self) -> None:
        """Re-apply styles (after a correction or a legend toggle) without moving the cursor."""
        self.show(self.article, self.words_to_mark, keep_cursor=True)

    # -- layout -------------------------------------------------------------------------------

    def _relayout(self) -> None:
        """Start wrapping again (new text, width or noise setting): the first screens now, the
        rest as it is scrolled to or the cursor moves there."""
        width = self._text_width()
        self._width = width
        self._lines, self._starts = [], []
        self._wrap_pos, self._wrap_done = 0, False
        self._styled.clear()
        self._wrap(until_line=_EAGER_LINES if len(self._text.plain) > _EAGER_CHARS else None)
        self._size_to_wrapped()
        self.refresh()

    def _size_to_wrapped(self) -> None:
        """Virtual height: the lines wrapped so far plus an estimate for the rest."""
        left = len(self._text.plain) - self._wrap_pos
        rest = 0 if self._wrap_done else left // max(1, self._width - 8) + 1
        size = Size(self._width + GUTTER, len(self._lines) + rest)
        if size != self.virtual_size:
            self.virtual_size = size

    def _text_width(self) -> int:
        return max(10, (self.scrollable_content_region.width or self.size.width or 80) - GUTTER)

    def on_resize(self) -> None:
        width = self._text_width()
        if width != self._width:
            self._relayout()

    def _noise_line(self, start: int, end: int) -> bool:
        if self.article is None:
            return False
        return any(n.start <= start and end <= n.end for n in self.article.noise)

    def _wrap(self, until_line: int | None = None, until_offset: int | None = None) -> None:
        """Wrap on from where wrapping stopped, until line ``until_line`` exists, or the line
        holding ``until_offset`` does, or the text ends (both None)."""
        if self._wrap_done:
            return
        text, width, lines, starts = self._text.plain, self._width, self._lines, self._starts
        size = len(text)
        pos = self._wrap_pos
        p_end = -1  # the paragraph's end, found once per paragraph: a find per line scanned the rest of
        while pos <= size:  # a 10 MB one-paragraph text at every line (0.3 s of CPU per open)
            if until_line is not None and len(lines) > until_line:
                break
            if until_offset is not None and lines and lines[-1].end > until_offset:
                break
            if p_end < pos:
                p_end = text.find("\n", pos)
                p_end = size if p_end < 0 else p_end
            para_start = pos == 0 or text[pos - 1] == "\n"
            if para_start and self.hide_noise and text[pos:p_end].strip() and self._noise_line(pos, p_end):
                pos = p_end + 1
                continue
            cut = next_break(text, pos, p_end, width)
            lines.append(Line(pos, cut))
            starts.append(pos)
            pos = cut if cut < p_end else p_end + 1
        self._wrap_pos = pos
        self._wrap_done = pos > size

    # -- rendering ----------------------------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        if self.selection_anchor is None:
            return self._word
        return min(self.selection_anchor[0], self._word[0]), max(self.selection_anchor[1], self._word[1])

    def _line_text(self, index: int) -> Text:
        """Line ``index`` with its entities, noise and search words styled (cached)."""
        cached = self._styled.get(index)
        if cached is not None:
            return cached
        line = self._lines[index]
        start, end = line.start, line.end
        piece = self._text[start:end] if self.article is None else Text(self._text.plain[start:end])
        if self.article is not None:
            for span in self.article.noise:
                if span.end > start and span.start < end:
                    piece.stylize(NOISE_STYLE, max(0, span.start - start), min(end, span.end) - start)
            hidden = self.hidden_labels
            first = bisect_left(self._entity_starts, start - self._entity_longest)
            last = bisect_left(self._entity_starts, end)
            for ent in self._entities[first:last]:
                if ent.end <= start or ent.label in hidden:
                    continue
                style = label_style(self.taxonomy, ent.label)
                piece.stylize(style, max(0, ent.start - start), min(end, ent.end) - start)
            for lo, hi in markup_marks(self.article.text, start, end):
                piece.stylize(MARKUP_STYLE, lo - start, hi - start)
            if self._pattern is not None:
                for m in self._pattern.finditer(self.article.text, start, end):
                    piece.stylize(MATCH_STYLE, m.start() - start, m.end() - start)
        if len(self._styled) >= _CACHE:
            self._styled.clear()
        self._styled[index] = piece
        return piece

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = (self._width + GUTTER) if self._width else self.size.width
        if index >= len(self._lines) and not self._wrap_done:
            self._wrap(until_line=index + _EAGER_LINES)
            self.call_later(self._size_to_wrapped)
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        piece = self._mark(line) if self.article is not None else Text(" " * GUTTER)
        text = self._line_text(index).copy()
        text.rstrip()
        if self.article is not None and self._sentences:
            s_start, s_end = self.current_sentence()
            self._overlay(text, line, s_start, s_end, SENTENCE_STYLE)
            sel_start, sel_end = self.selection()
            if self.selection_anchor is not None:
                self._overlay(text, line, sel_start, sel_end, SELECTION_STYLE)
            if self.has_focus:
                self._overlay(text, line, self._word[0], self._word[1], WORD_STYLE)
        piece.append_text(text)
        segments = list(piece.render(self.app.console, end=""))
        strip = Strip(segments, piece.cell_len)
        return strip.extend_cell_length(width, self.rich_style).crop(0, width).apply_style(self.rich_style)

    @staticmethod
    def _overlay(piece: Text, line: Line, start: int, end: int, style: Style) -> None:
        lo, hi = max(start, line.start), min(end, line.end)
        if lo < hi:
            piece.stylize(style, lo - line.start, hi - line.start)

    # -- cursor -------------------------------------------------------------------------------

    def _word_at(self, offset: int) -> tuple[int, int]:
        """The word containing ``offset``, or the next one (the last one at the end)."""
        text = self._text.plain
        if not text:
            return (0, 0)
        lo = max(0, offset - _WINDOW)
        back = _last_space(text, lo, offset)  # words never span white space: start after it
        for m in _WORD.finditer(text, back):
            if offset < m.end():
                return (m.start(), m.end())
            if m.start() > offset + _WINDOW:
                break
        return self._word_before(len(text)) or (0, 0)

    def _word_after(self, offset: int) -> tuple[int, int] | None:
        m = _WORD.search(self._text.plain, offset)
        return (m.start(), m.end()) if m else None

    def _word_before(self, offset: int) -> tuple[int, int] | None:
        text, size = self._text.plain, 256
        while True:
            lo = _last_space(text, max(0, offset - size), offset) if offset - size > 0 else 0
            found = None
            for m in _WORD.finditer(text, lo, offset):
                found = m
            if found is not None:
                return (found.start(), found.end())
            if lo == 0:
                return None
            size *= 4

    def _more_sentences(self) -> bool:
        """Find the sentences of the next stretch of text (a short article at once); False when
        there are no more. A stretch starts at a sentence start and its last, possibly cut,
        sentence is left for the next one, so the result is the same as for the whole text."""
        if self._sent_done or self.article is None:
            return False
        text, pos = self.article.text, self._sent_pos
        size = len(text) if len(text) <= _EAGER_CHARS else _SENTENCE_CHUNK
        while True:
            hi = min(len(text), pos + size)
            found = sentences(text[pos:hi])
            if hi >= len(text):
                self._sent_done = True
                break
            if len(found) >= 2:
                self._sent_pos = pos + found[-1][0]
                found = found[:-1]
                break
            size *= 2
        self._sentences.extend((s + pos, e + pos) for s, e in found)
        self._sentence_ends.extend(e + pos for _s, e in found)
        if self._sent_done and not self._sentences:
            self._sentences, self._sentence_ends = [(0, len(text))], [len(text)]
        return True

    def _sentence_at(self, offset: int) -> int:
        while (not self._sentences or self._sentence_ends[-1] <= offset) and self._more_sentences():
            pass
        return min(bisect_right(self._sentence_ends, offset), max(0, len(self._sentences) - 1))

    def _line_of(self, offset: int) -> int:
        if not self._wrap_done and (not self._lines or self._lines[-1].end <= offset):
            self._wrap(until_offset=offset)
            self._size_to_wrapped()
        return max(0, bisect_right(self._starts, offset) - 1)

    def _announce(self) -> None:
        if self.article is None or not self._sentences:
            return
        start, end = self.selection()
        self.post_message(self.SelectionChanged(start, end, self.current_sentence()))

    def current_sentence(self) -> tuple[int, int]:
        return (
            self._sentences[min(self.sentence_index, len(self._sentences) - 1)] if self._sentences else (0, 0)
        )

    def _follow(self, offset: int, end: int | None = None) -> None:
        """Scroll so the line holding ``offset`` shows, and, given ``end``, as much of the text
        up to it as fits (the sentence under the cursor was often mostly below the screen)."""
        line = self._line_of(offset)
        last = self._line_of(max(offset, end - 1)) if end is not None else line
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to_region(Region(0, line, 1, min(last - line + 1, height)), animate=False)
        self.refresh()
        self._announce()

    def go_to(self, offset: int) -> None:
        """Put the sentence cursor on the sentence holding ``offset`` (a suggestion's evidence)."""
        if not self._sentences:
            return
        self.sentence_index = self._sentence_at(offset)
        start, end = self.current_sentence()
        self.selection_anchor = None
        self._word = self._word_at(start)
        self._follow(start, end)

    def action_sentence(self, step: int) -> None:
        if not self._sentences:
            return
        while len(self._sentences) <= self.sentence_index + step and self._more_sentences():
            pass
        self.sentence_index = max(0, min(len(self._sentences) - 1, self.sentence_index + step))
        start, end = self._sentences[self.sentence_index]
        self.selection_anchor = None
        self._word = self._word_at(start)
        self._follow(start, end)

    def action_word(self, step: int) -> None:
        if self.article is None:
            return
        for _ in range(abs(step)):
            found = self._word_after(self._word[1]) if step > 0 else self._word_before(self._word[0])
            if found is None:
                break
            self._word = found
        self.sentence_index = self._sentence_at(self._word[0])
        self._follow(self._word[0])

    def action_extend(self, step: int) -> None:
        if self.selection_anchor is None:
            self.selection_anchor = self._word
        self.action_word(step)

    def action_toggle_select(self) -> None:
        self.selection_anchor = None if self.selection_anchor is not None else self._word
        self.refresh()
        self._announce()

    def action_clear_selection(self) -> None:
        if self.selection_anchor is not None:
            self.selection_anchor = None
            self.refresh()
            self._announce()
        else:
            self.post_message(FocusList())

    def action_page(self, step: int) -> None:
        self.action_sentence(step * 5)

    def action_toggle_noise(self) -> None:
        self.hide_noise = not self.hide_noise
        self._relayout()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def entity_under_cursor(self) -> tuple[int, int, str] | None:
        if self.article is None:
            return None
        w_start, w_end = self._word
        first = bisect_left(self._entity_starts, w_start - self._entity_longest)
        for e in self._entities[first : bisect_left(self._entity_starts, w_end)]:
            if e.start < w_end and w_start < e.end:
                return e.start, e.end, e.label
        return None


def _last_space(text: str, lo: int, hi: int) -> int:
    """The offset just after the last white space in ``text[lo:hi]``, else ``lo``."""
    return max(lo, text.rfind(" ", lo, hi) + 1, text.rfind("\n", lo, hi) + 1, text.rfind("\t", lo, hi) + 1)
