"""The reader: an article's text with entities coloured, noise dimmed, search words underlined,
a sentence cursor and a keyboard word selection. Renders only the lines on screen (Line API),
so a megabyte-long article costs no more per keystroke than a short one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.model import Article
from store.sentences import sentence_at, sentences
from store.taxonomy import Taxonomy

from ..keys import READER
from ..render import styled

SENTENCE_STYLE = Style(bgcolor="grey23")
WORD_STYLE = Style(reverse=True)
SELECTION_STYLE = Style(bgcolor="dark_blue", underline=True)
_WORD = re.compile(r"[^\W_]+(?:[.\-'’/][^\W_]+)*\.?")


@dataclass(slots=True)
class Line:
    start: int
    end: int


class Reader(ScrollView, can_focus=True):
    """Shows one article; posts messages up when the reviewer asks for a change."""

    BINDINGS = READER
    DEFAULT_CSS = """
    Reader { height: 1fr; padding: 0 1; }
    """

    sentence_index: reactive[int] = reactive(0, init=False)
    word_index: reactive[int] = reactive(0, init=False)
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
        self._text = Text()
        self._lines: list[Line] = []
        self._width = 0
        self._sentences: list[tuple[int, int]] = []
        self._words: list[tuple[int, int]] = []
        self.anchor: int | None = None

    # -- content ------------------------------------------------------------------------------

    def show(
        self, article: Article | None, words: list[str] | None = None, keep_cursor: bool = False
    ) -> None:
        same = article is not None and self.article is not None and article.id == self.article.id
        self.article = article
        self.words_to_mark = words or []
        if article is None:
            self._text = Text("No article open. Search on the left and press Enter.", style="dim")
            self._sentences, self._words = [], []
        else:
            self._text = styled(
                article.text,
                0,
                article.entities,
                article.noise,
                self.taxonomy,
                self.words_to_mark,
                self.hidden_labels,
            )
            self._sentences = sentences(article.text, article.noise) or [(0, len(article.text))]
            self._words = [(m.start(), m.end()) for m in _WORD.finditer(article.text)] or [(0, 0)]
        if not (keep_cursor and same):
            self.anchor = None
            self.set_reactive(Reader.word_index, 0)
            self.set_reactive(Reader.sentence_index, 0)
            if self._sentences and self._words:
                self.set_reactive(Reader.word_index, self._word_at(self._sentences[0][0]))
            self.scroll_to(0, 0, animate=False)
        self._relayout()
        self._announce()

    def restyle(self) -> None:
        """Re-apply styles (after a correction or a legend toggle) without moving the cursor."""
        self.show(self.article, self.words_to_mark, keep_cursor=True)

    # -- layout -------------------------------------------------------------------------------

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 80)
        self._width = width
        self._lines = self._wrap(width)
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()

    def _noise_line(self, start: int, end: int) -> bool:
        if self.article is None:
            return False
        return any(n.start <= start and end <= n.end for n in self.article.noise)

    def _wrap(self, width: int) -> list[Line]:
        text = self._text.plain
        lines: list[Line] = []
        pos = 0
        for para in text.split("\n"):
            p_start, p_end = pos, pos + len(para)
            pos = p_end + 1
            if self.hide_noise and para.strip() and self._noise_line(p_start, p_end):
                continue
            if not para:
                lines.append(Line(p_start, p_start))
                continue
            line_start = p_start
            for m in re.finditer(r"\S+\s*", para):
                w_start, w_end = p_start + m.start(), p_start + m.end()
                while cell_len(text[line_start:w_end].rstrip()) > width:
                    if w_start > line_start:  # wrap before this word
                        lines.append(Line(line_start, w_start))
                        line_start = w_start
                    else:  # one word longer than the line: cut it
                        lines.append(Line(line_start, line_start + width))
                        line_start += width
            lines.append(Line(line_start, p_end))
        return lines

    # -- rendering ----------------------------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        if not self._words:
            return (0, 0)
        a = self.word_index if self.anchor is None else self.anchor
        lo, hi = sorted((a, self.word_index))
        return self._words[lo][0], self._words[hi][1]

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self._width or self.size.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        piece = self._text[line.start : line.end]
        piece.rstrip()
        if self.article is not None and self._sentences:
            s_start, s_end = self._sentences[min(self.sentence_index, len(self._sentences) - 1)]
            self._overlay(piece, line, s_start, s_end, SENTENCE_STYLE)
            sel_start, sel_end = self.selection()
            if self.anchor is not None:
                self._overlay(piece, line, sel_start, sel_end, SELECTION_STYLE)
            if self.has_focus:
                w_start, w_end = self._words[min(self.word_index, len(self._words) - 1)]
                self._overlay(piece, line, w_start, w_end, WORD_STYLE)
        segments = list(piece.render(self.app.console, end=""))
        strip = Strip(segments, piece.cell_len)
        return strip.extend_cell_length(width, self.rich_style).crop(0, width).apply_style(self.rich_style)

    @staticmethod
    def _overlay(piece: Text, line: Line, start: int, end: int, style: Style) -> None:
        lo, hi = max(start, line.start), min(end, line.end)
        if lo < hi:
            piece.stylize(style, lo - line.start, hi - line.start)

    # -- cursor -------------------------------------------------------------------------------

    def _word_at(self, offset: int) -> int:
        for i, (_s, e) in enumerate(self._words):
            if offset < e:
                return i
        return max(0, len(self._words) - 1)

    def _line_of(self, offset: int) -> int:
        for i, line in enumerate(self._lines):
            if offset < line.end or (line.start == line.end == offset):
                return i
        return max(0, len(self._lines) - 1)

    def _announce(self) -> None:
        if self.article is None or not self._sentences:
            return
        start, end = self.selection()
        self.post_message(self.SelectionChanged(start, end, self.current_sentence()))

    def current_sentence(self) -> tuple[int, int]:
        return (
            self._sentences[min(self.sentence_index, len(self._sentences) - 1)] if self._sentences else (0, 0)
        )

    def _follow(self, offset: int) -> None:
        line = self._line_of(offset)
        self.scroll_to_region(Region(0, line, 1, 1), animate=False)
        self.refresh()
        self._announce()

    def action_sentence(self, step: int) -> None:
        if not self._sentences:
            return
        self.sentence_index = max(0, min(len(self._sentences) - 1, self.sentence_index + step))
        start = self._sentences[self.sentence_index][0]
        self.anchor = None
        self.word_index = self._word_at(start)
        self._follow(start)

    def action_word(self, step: int) -> None:
        if not self._words:
            return
        self.word_index = max(0, min(len(self._words) - 1, self.word_index + step))
        self.sentence_index = sentence_at(self._sentences, self._words[self.word_index][0])
        self._follow(self._words[self.word_index][0])

    def action_extend(self, step: int) -> None:
        if self.anchor is None:
            self.anchor = self.word_index
        self.action_word(step)

    def action_toggle_select(self) -> None:
        self.anchor = None if self.anchor is not None else self.word_index
        self.refresh()
        self._announce()

    def action_clear_selection(self) -> None:
        if self.anchor is not None:
            self.anchor = None
            self.refresh()
            self._announce()
        else:
            self.app.action_focus_list()  # type: ignore[attr-defined]

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
        if self.article is None or not self._words:
            return None
        w_start, w_end = self._words[self.word_index]
        for e in self.article.entities:
            if e.start < w_end and w_start < e.end:
                return e.start, e.end, e.label
        return None
