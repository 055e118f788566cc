"""The set wording of amendments and oral revisions, both ways: writing an instruction and reading one back.

Paragraphs are named as in the text being amended: "the thirty-eighth preambular paragraph", "operative
paragraph 5", "operative paragraph 5 (b)", "subparagraph (a) of the fourth preambular paragraph". Changes
inside a paragraph read "after “X”, insert “Y”", "before “X”, insert “Y”", "replace “X” with “Y”" (with
"after “C”" when X occurs more than once) and "delete “X”"; several changes to one paragraph are one sentence
("In operative paragraph 5, after ...; and replace ..."). Whole paragraphs are deleted "reading:", replaced
"with the following:" and inserted "reading:", the paragraph itself following the sentence.

Quoted text is the model's inline markup (`app.inline`), so a quoted title keeps its italics. An insertion
before a word is an INSERT whose `old` holds the words it goes before (`after` empty).

Another language has its wording as data, the [amendments] table of resources/languages/<code>.toml
("Supprimer le troisième alinéa du préambule", "En el párrafo 5, sustitúyase “X” por “Y”"): every function
takes `language`, and reading back tries each language's wording when none is given.

The modules, by what they do: `words` (what every wording shares), `units` (parts, annexes, titles), `places`
(a paragraph's name), `edits` (changes inside a paragraph), `sentences` (whole instructions), `tables`; reading
back: `reading` (`parse_sentence`), `read_english`, `read_languages`, `read_units`.
"""
