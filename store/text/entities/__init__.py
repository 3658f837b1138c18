"""Entity recognition for Indonesian police/election news, fast and forgiving.

Modules: ``patterns`` (shared classes, stop words, tails, head patterns), ``people`` (names and
their cues), ``heads`` (units, bodies, places, elections, counts), ``resolve`` (overlaps, second
pass, trim), ``recogniser`` (the keyword automaton and ``Recogniser``).

It follows the domain's structure rather than a list of this corpus's names:
- unit, body and place heads (Polres, Polsek, Kodim, KPU, Pemkab, Kecamatan, Sungai, Mapolres …)
  take the capitalised place words that follow them, up to a word that cannot be part of a name;
- a functional police unit joins the territorial unit after it ("Sat Lantas Polres X"), while two
  territorial units in a row stay two ("Polsek Mancak Polres Cilegon");
- ranks take the name after them (honorifics before it and academic titles after it are left out);
  so do a role's apposition ("Ketua KPU X, Name,"), speech verbs ("kata Riko"), credit lines and
  given-name prefixes (Teuku, Andi, I Made); later bare mentions of a name are people too;
- a territorial role names its territory ("Kapolres [Lombok Timur]");
- a gazetteer of provinces and major regencies/cities finds bare place names, and a capitalised
  phrase after "di"/"ke"/"dari"/"menuju" is a place;
- dates (``dates.find_dates``) and personnel counts (digits or number words) carry values.

Speed: one Aho-Corasick pass (pyahocorasick, in C) finds every keyword; each hit runs one
anchored, precompiled regex at that spot. Overlaps are settled once, longest span first.
"""

from __future__ import annotations

from store.text.entities.patterns import PRIORITY, _hard_heads
from store.text.entities.recogniser import Recogniser, recognise

__all__ = ["PRIORITY", "Recogniser", "_hard_heads", "recognise"]
