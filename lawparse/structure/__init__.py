"""Structure: find the headings of a text, nest them with the Lark grammar, build the models.

The stages, in order: :mod:`.scanners` collects candidate markers with a language's tables,
:mod:`.headings` decides which candidates are headings (language-neutral) and emits the
tokens of :mod:`.tokens`, :mod:`.grammar` runs the Lark LALR parser over them, and
:mod:`.build` transforms the tree into frozen models.
"""
