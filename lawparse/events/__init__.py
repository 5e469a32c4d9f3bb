"""Events: the dated facts a regulation states about itself, or about other acts.

:mod:`.dates` reads calendar dates; :mod:`.english` and :mod:`.chinese` read the phrases of
each language through its tables; :mod:`.resolve` merges and dates relative events;
:mod:`.provisions` resolves provision wording to eIds; :mod:`.reader` runs them in order.
"""
